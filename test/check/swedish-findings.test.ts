import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Check } from '../../src/check/check.js';
import { contrastCheck } from '../../src/check/contrast-check.js';
import { fairnessCheck } from '../../src/check/fairness-check.js';
import { glyphCheck } from '../../src/check/glyph-check.js';
import { postFolderCheck } from '../../src/check/post-folder-check.js';
import { publishTimeCheck } from '../../src/check/publish-time-check.js';
import { runChecks } from '../../src/check/run-checks.js';
import { inspectData } from '../../src/data/load.js';
import type { Issue } from '../../src/issue.js';
import { templates } from '../../templates/index.js';
import { removeWorkspaces } from '../helpers/cli.js';
import { expectSwedish, inEnglish } from '../helpers/issues.js';
import { checkWorkspace } from './workspace.js';

afterAll(removeWorkspaces);

/** Every finding these tests provoke, for the last test: each must say itself in Swedish. */
const provoked: Issue[] = [];

/** The findings of `checks` on the base fixture with `overlay` over it, as `excerpt check` runs them. */
async function findings(overlay: string, checks: readonly Check[]): Promise<Issue[]> {
  const report = await runChecks(join(checkWorkspace(overlay), 'data'), { templates, checks });
  const issues = [...report.errors, ...report.warnings];
  provoked.push(...issues);
  return issues;
}

const pride = 'campaigns/digital-pride-2020.yaml';

describe('the findings of excerpt check, in Swedish for the studio', () => {
  it('contrast: the ratio with a decimal comma, the role by its field, which way to move', async () => {
    const [issue, ...rest] = await findings('low-contrast', [contrastCheck]);
    expect(rest).toEqual([]);
    // The English, as the terminal and check --json say it, is unchanged.
    expect(issue!.message).toBe(
      '#A9A3B8 on #F7F5F2 has a contrast of 2.23:1; muted text needs at least 4.5:1',
    );
    expect(issue!.sv).toEqual({
      message: '#A9A3B8 på #F7F5F2 har kontrasten 2,23:1; dämpad text (muted) behöver minst 4,5:1',
      hint: 'gör den dämpade färgen (muted) mörkare, eller bakgrunden ljusare',
    });
  });

  it('contrast: light text on a dark background is told to lighten, in each role', async () => {
    const { parsed } = await inspectData(join(checkWorkspace(), 'data'));
    const brand = parsed.brand!;
    const dark = { background: '#333333', text: '#555555', muted: '#555555', accent: '#555555' };
    const theme = { ...brand.value.themes['pride']!, dark };
    // The contrast check reads the files; narrowed, as Check's `run` takes either kind of data.
    if (contrastCheck.needs !== 'files') throw new Error('the contrast check reads the files');
    const { issues } = await contrastCheck.run({
      ...parsed,
      brand: { ...brand, value: { ...brand.value, themes: { pride: theme } } },
    });
    provoked.push(...issues);
    expect(issues.map((issue) => [issue.path.join('.'), issue.hint, issue.sv])).toEqual([
      [
        'themes.pride.dark.text',
        'lighten the text colour, or darken the background',
        {
          message:
            '#555555 på #333333 har kontrasten 1,69:1; vanlig text (text) behöver minst 4,5:1',
          hint: 'gör textfärgen (text) ljusare, eller bakgrunden mörkare',
        },
      ],
      [
        'themes.pride.dark.muted',
        'lighten the muted colour, or darken the background',
        {
          message:
            '#555555 på #333333 har kontrasten 1,69:1; dämpad text (muted) behöver minst 4,5:1',
          hint: 'gör den dämpade färgen (muted) ljusare, eller bakgrunden mörkare',
        },
      ],
      [
        'themes.pride.dark.accent',
        'lighten the accent colour, or darken the background',
        {
          message:
            '#555555 på #333333 har kontrasten 1,69:1; text i accentfärgen (accent) behöver minst 4,5:1',
          hint: 'gör accentfärgen (accent) ljusare, eller bakgrunden mörkare',
        },
      ],
    ]);
  });

  it('publish time: the hour that happens twice, the date as the slides write it', async () => {
    const issues = await findings('autumn-back', [publishTimeCheck]);
    expect(inEnglish(issues)).toMatchObject([
      {
        code: 'schema',
        severity: 'warning',
        message:
          '2021-10-31 at 02:30 happens twice in Stockholm: the clocks go back from 03:00 to 02:00 that night, as summer time ends; the post is published at the first, 2021-10-31T02:30:00+02:00',
        hint: 'to be sure of the hour, set the campaign’s time outside 02:00–03:00',
      },
    ]);
    expect(issues[0]!.sv).toEqual({
      message:
        '31 oktober 2021 klockan 02:30 inträffar två gånger i svensk tid: den natten ställs klockan tillbaka från 03:00 till 02:00, när sommartiden slutar; inlägget publiceras den första gången, på sommartid (2021-10-31T02:30:00+02:00)',
      hint: 'för att vara säker på timmen: sätt kampanjens tid (time) utanför 02:00–03:00',
    });
  });

  it('post folders: a second post of a party on one day', async () => {
    const issues = await findings('folder-clash', [postFolderCheck]);
    expect(issues.map((issue) => [issue.file?.endsWith(pride), issue.message, issue.sv])).toEqual([
      [
        true,
        'a second post for Centerpartiet on 2020-07-31: posts[1] (digital-pride-2020/centerpartiet) goes to the same folder, 2020-07-31-centerpartiet',
        {
          message:
            'ett andra inlägg för Centerpartiet den 31 juli 2020: posts[1] (digital-pride-2020/centerpartiet) hamnar i samma mapp, 2020-07-31-centerpartiet',
          hint: 'ett parti får ett inlägg om dagen: slå ihop de två, eller flytta det ena till ett annat datum',
        },
      ],
    ]);
  });

  it('glyphs: in the words of the studio’s own glyph findings', async () => {
    const issues = await findings('foreign-glyph', [glyphCheck]);
    expect(issues.map((issue) => [issue.word, issue.sv])).toEqual([
      [
        '\uf0b7',
        {
          message:
            'tecknet ”\uf0b7” (U+F0B7) kan inte ritas på en bild: inget av typsnitten har det, och Twemoji har ingen emojibild för det',
          hint: 'byt ut eller ta bort tecknet; inget ritas någonsin som en tom ruta',
        },
      ],
      [
        '漢',
        {
          message:
            'tecknet ”漢” (U+6F22) kan inte ritas på en bild: inget av typsnitten har det, och Twemoji har ingen emojibild för det',
          hint: 'byt ut eller ta bort tecknet; inget ritas någonsin som en tom ruta',
        },
      ],
    ]);
    await findings('glyph-in-title', [glyphCheck]);
  });

  it('fairness: a party asked another question, on the bundled data', async () => {
    const issues = await findings('other-question', [fairnessCheck]);
    expect(issues.map((issue) => issue.sv?.message)).toEqual([
      'inlägget den 31 juli 2020 (Liberalerna) skiljer sig från kampanjens andra inlägg: får inte frågor som de flesta partier får: q2 ”Vilka initiativ har Liberalerna tagit för att förbättra livssituationen för unga HBTQ-personer i Huddinge kommun?”; får frågor som de flesta partier inte får: q3 ”Hur ser Liberalerna till att civilsamhället har resurser att bedriva politisk påverkansarbete för målgruppen?”',
    ]);
  });

  it('says every finding above in Swedish, a hint exactly where the English has one', () => {
    expect(provoked.map((issue) => issue.code).sort()).toEqual([
      'contrast',
      'contrast',
      'contrast',
      'contrast',
      'fairness',
      'glyph',
      'glyph',
      'glyph',
      'reference',
      'schema',
    ]);
    expectSwedish(provoked);
  });
});
