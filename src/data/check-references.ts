import { basename, dirname, join } from 'node:path';
import { formatPath, inBothLanguages } from '../issue.js';
import type { FieldPath, Issue, Said } from '../issue.js';
import { findClosest } from './closest.js';
import { closestPassage, isVerbatimPassage } from './highlight.js';
import type { Brand, Campaign, Interview } from './schema.js';

/** An error in how files refer to each other, said in English and Swedish. */
function referenceIssue(file: string, path: FieldPath, message: Said, hint: Said): Issue {
  return { code: 'reference', severity: 'error', file, path, ...inBothLanguages(message, hint) };
}

/** An id that is another's already: `first`, the file or the field that has it. */
function idTakenIssue(file: string, path: FieldPath, id: string, first: string, hint: Said): Issue {
  return referenceIssue(
    file,
    path,
    { en: `${id} is already the id of ${first}`, sv: `${id} är redan id för ${first}` },
    hint,
  );
}

/** A parsed value and the file it came from. */
export interface Sourced<T> {
  file: string;
  value: T;
}

export interface ReferenceInput {
  /** Undefined when brand.yaml could not be read: themes are then not checked. */
  brand?: Brand | undefined;
  campaigns: readonly Sourced<Campaign>[];
  interviews: readonly Sourced<Interview>[];
  /**
   * Ids (from their paths) of files that exist but did not parse. Their own issues are reported
   * already; references to them are not reported again as unknown.
   */
  unreadable?: { campaigns?: readonly string[]; interviews?: readonly string[] };
}

/** The id a campaign file should hold: its file name. */
export function campaignIdOfFile(file: string): string {
  return basename(file, '.yaml');
}

/** The id an interview file should hold: `<campaign folder>/<file name>`. */
export function interviewIdOfFile(file: string): string {
  return `${basename(dirname(file))}/${basename(file, '.yaml')}`;
}

/**
 * Checks what the schema cannot see, across files: ids that match their paths, no duplicates,
 * and that every campaign, interview, Q&A and theme named anywhere exists. Pure: it looks at
 * file paths as strings and reads nothing.
 *
 * A file whose id does not match its path is reported once, there: references by either the
 * id or the path still resolve, so one slip does not echo through every file that names it.
 */
export function checkReferences(input: ReferenceInput): Issue[] {
  const campaignIds = new Set<string>(input.unreadable?.campaigns ?? []);
  for (const { file, value } of input.campaigns) {
    campaignIds.add(value.id).add(campaignIdOfFile(file));
  }
  const interviewsById = new Map<string, Sourced<Interview>>();
  for (const sourced of input.interviews) {
    for (const id of [sourced.value.id, interviewIdOfFile(sourced.file)]) {
      if (!interviewsById.has(id)) interviewsById.set(id, sourced);
    }
  }
  const context: Context = {
    campaignIds,
    interviewsById,
    unreadableInterviews: new Set(input.unreadable?.interviews ?? []),
  };

  return [
    ...checkCampaigns(input.campaigns, input.brand, context),
    ...checkInterviews(input.interviews, context),
  ];
}

/** Every Q&A of an interview needs its own id: `--qa q2` and posts name them. */
export function checkQaIds(file: string, interview: Interview): Issue[] {
  const issues: Issue[] = [];
  const firstIndex = new Map<string, number>();
  interview.qa.forEach((qa, index) => {
    const earlier = firstIndex.get(qa.id);
    if (earlier === undefined) firstIndex.set(qa.id, index);
    else {
      const first = formatPath(['qa', earlier]);
      issues.push(
        idTakenIssue(file, ['qa', index, 'id'], qa.id, first, {
          en: 'every Q&A of an interview needs its own id (q1, q2, …)',
          sv: 'varje fråga i en intervju behöver ett eget id (q1, q2, …)',
        }),
      );
    }
  });
  return issues;
}

interface Context {
  /** Ids and file names of every campaign, and campaigns that did not parse. */
  campaignIds: ReadonlySet<string>;
  /** Every interview by its id and by the id its path gives. */
  interviewsById: ReadonlyMap<string, Sourced<Interview>>;
  unreadableInterviews: ReadonlySet<string>;
}

function checkCampaigns(
  campaigns: readonly Sourced<Campaign>[],
  brand: Brand | undefined,
  context: Context,
): Issue[] {
  const issues: Issue[] = [];
  const firstFile = new Map<string, string>();
  for (const { file, value: campaign } of campaigns) {
    const expected = campaignIdOfFile(file);
    if (campaign.id !== expected) {
      issues.push(
        referenceIssue(
          file,
          ['id'],
          {
            en: `is ${campaign.id} but the file is named ${basename(file)}`,
            sv: `är ${campaign.id} men filen heter ${basename(file)}`,
          },
          {
            en: `a campaign's id and file name must match: set id: ${expected}, or rename the file to ${campaign.id}.yaml`,
            sv: `en kampanjs id och filnamn ska stämma överens: skriv id: ${expected}, eller byt namn på filen till ${campaign.id}.yaml`,
          },
        ),
      );
    }
    const first = firstFile.get(campaign.id);
    if (first === undefined) firstFile.set(campaign.id, file);
    else {
      issues.push(
        idTakenIssue(file, ['id'], campaign.id, first, {
          en: 'every campaign needs its own id',
          sv: 'varje kampanj behöver ett eget id',
        }),
      );
    }

    if (brand !== undefined && !Object.hasOwn(brand.themes, campaign.theme)) {
      const themes = Object.keys(brand.themes);
      const closest = findClosest(campaign.theme, themes);
      issues.push(
        referenceIssue(
          file,
          ['theme'],
          {
            en: `the theme ${campaign.theme} is not defined in brand.yaml`,
            sv: `temat ${campaign.theme} finns inte i brand.yaml`,
          },
          {
            en: `${closest === undefined ? '' : `did you mean ${closest}? `}the themes are: ${themes.join(', ')}`,
            sv: `${closest === undefined ? '' : `menade du ${closest}? `}temana är: ${themes.join(', ')}`,
          },
        ),
      );
    }

    issues.push(...checkPosts(file, campaign, context));
  }
  return issues;
}

function checkPosts(file: string, campaign: Campaign, context: Context): Issue[] {
  const issues: Issue[] = [];
  const names = new Set([campaign.id, campaignIdOfFile(file)]);
  const seen = new Map<string, number>();
  campaign.posts.forEach((post, postIndex) => {
    const at: FieldPath = ['posts', postIndex];
    const key = `${post.interview} ${post.date}`;
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, postIndex);
    else {
      const same = formatPath(['posts', earlier]);
      issues.push(
        referenceIssue(
          file,
          at,
          {
            en: `is the same post as ${same} (${post.interview} on ${post.date})`,
            sv: `är samma inlägg som ${same} (${post.interview} den ${post.date})`,
          },
          { en: 'remove one of them', sv: 'ta bort ett av dem' },
        ),
      );
    }

    const sourced = context.interviewsById.get(post.interview);
    if (sourced === undefined) {
      if (!context.unreadableInterviews.has(post.interview)) {
        issues.push(
          referenceIssue(
            file,
            [...at, 'interview'],
            {
              en: `no interview has the id ${post.interview}`,
              sv: `ingen intervju har id ${post.interview}`,
            },
            unknownInterviewHint(post.interview, campaign.id, context),
          ),
        );
      }
      return;
    }

    const interview = sourced.value;
    if (!names.has(interview.campaign)) {
      const home = join(dirname(file), `${interview.campaign}.yaml`);
      issues.push(
        referenceIssue(
          file,
          [...at, 'interview'],
          {
            en: `${interview.id} belongs to the campaign ${interview.campaign}, not ${campaign.id}`,
            sv: `${interview.id} hör till kampanjen ${interview.campaign}, inte ${campaign.id}`,
          },
          { en: `move this post to ${home}`, sv: `flytta inlägget till ${home}` },
        ),
      );
    }

    const qaIds = interview.qa.map((qa) => qa.id);
    const listed = new Set<string>();
    post.qa.forEach((qaId, qaIndex) => {
      if (!qaIds.includes(qaId)) {
        issues.push(
          referenceIssue(
            file,
            [...at, 'qa', qaIndex],
            {
              en: `${qaId} is not a Q&A of ${interview.id}`,
              sv: `${qaId} är ingen fråga i ${interview.id}`,
            },
            {
              en: `its Q&A ids are: ${qaIds.join(', ')}`,
              sv: `dess frågor har id: ${qaIds.join(', ')}`,
            },
          ),
        );
      } else if (listed.has(qaId)) {
        issues.push(
          referenceIssue(
            file,
            [...at, 'qa', qaIndex],
            { en: `${qaId} is listed twice`, sv: `${qaId} står två gånger` },
            { en: 'remove the second one', sv: 'ta bort den andra' },
          ),
        );
      }
      listed.add(qaId);
    });

    if (post.highlight !== undefined) {
      const chosen = interview.qa.filter((qa) => post.qa.includes(qa.id));
      if (!isVerbatimPassage(post.highlight, chosen)) {
        const closest = closestPassage(post.highlight, chosen);
        const chosenIds = post.qa.join(', ');
        issues.push(
          referenceIssue(
            file,
            [...at, 'highlight'],
            {
              en: `is not a passage of the chosen answers, word for word (${chosenIds} of ${interview.id})`,
              sv: `är inte ett ordagrant citat ur de valda svaren (${chosenIds} i ${interview.id})`,
            },
            closest === undefined
              ? {
                  en: 'copy the passage from the answer as it is written',
                  sv: 'kopiera stycket ur svaret precis som det är skrivet',
                }
              : {
                  en: `the closest passage of the answer reads: ”${closest}”; copy it as it is written (only spaces, quotation marks and a full stop at the end may differ)`,
                  sv: `det närmaste stycket i svaret lyder: ”${closest}”; kopiera det precis som det är skrivet (bara mellanslag, citattecken och en punkt på slutet får skilja)`,
                },
          ),
        );
      }
    }
  });
  return issues;
}

function checkInterviews(interviews: readonly Sourced<Interview>[], context: Context): Issue[] {
  const issues: Issue[] = [];
  const firstFile = new Map<string, string>();
  for (const { file, value: interview } of interviews) {
    const folder = basename(dirname(file));
    const expected = interviewIdOfFile(file);
    if (interview.id !== expected) {
      issues.push(
        referenceIssue(
          file,
          ['id'],
          {
            en: `is ${interview.id} but the file is ${file}`,
            sv: `är ${interview.id} men filen är ${file}`,
          },
          {
            en: `an interview's id is <campaign folder>/<file name>: set id: ${expected}, or move the file to interviews/${interview.id}.yaml`,
            sv: `en intervjus id är <kampanjens mapp>/<filens namn>: skriv id: ${expected}, eller flytta filen till interviews/${interview.id}.yaml`,
          },
        ),
      );
    }

    if (interview.campaign !== folder) {
      issues.push(
        referenceIssue(
          file,
          ['campaign'],
          {
            en: `is ${interview.campaign} but the file is in the folder of ${folder}`,
            sv: `är ${interview.campaign} men filen ligger i mappen för ${folder}`,
          },
          {
            en: `set campaign: ${folder}, or move the file to interviews/${interview.campaign}/`,
            sv: `skriv campaign: ${folder}, eller flytta filen till interviews/${interview.campaign}/`,
          },
        ),
      );
    } else if (!context.campaignIds.has(folder)) {
      const closest = findClosest(folder, context.campaignIds);
      const known = [...context.campaignIds].sort();
      issues.push(
        referenceIssue(
          file,
          ['campaign'],
          { en: `no campaign has the id ${folder}`, sv: `ingen kampanj har id ${folder}` },
          closest !== undefined
            ? {
                en: `did you mean ${closest}? the folder under interviews/ and campaign: both name the campaign`,
                sv: `menade du ${closest}? både mappen under interviews/ och campaign: anger kampanjen`,
              }
            : {
                en: `add campaigns/${folder}.yaml${known.length > 0 ? `; the campaigns are: ${known.join(', ')}` : ''}`,
                sv: `lägg till campaigns/${folder}.yaml${known.length > 0 ? `; kampanjerna är: ${known.join(', ')}` : ''}`,
              },
        ),
      );
    }

    const first = firstFile.get(interview.id);
    if (first === undefined) firstFile.set(interview.id, file);
    else {
      issues.push(
        idTakenIssue(file, ['id'], interview.id, first, {
          en: 'every interview needs its own id',
          sv: 'varje intervju behöver ett eget id',
        }),
      );
    }

    issues.push(...checkQaIds(file, interview));
  }
  return issues;
}

/**
 * A likely typo, compared part by part (`<campaign>/<party>`): whole ids share long prefixes,
 * which would make unrelated parties look alike. Otherwise the campaign's interviews, listed.
 */
function unknownInterviewHint(id: string, campaignId: string, context: Context): Said {
  const known = [
    ...new Set([...context.interviewsById.values()].map(({ value }) => value.id)),
  ].sort();
  const [campaignPart = '', partyPart = ''] = id.split('/');
  const campaigns = [...new Set(known.map((knownId) => knownId.split('/')[0] ?? ''))];
  const campaign = campaigns.includes(campaignPart)
    ? campaignPart
    : findClosest(campaignPart, campaigns);
  if (campaign !== undefined) {
    const parties = known
      .filter((knownId) => knownId.startsWith(`${campaign}/`))
      .map((knownId) => knownId.slice(campaign.length + 1));
    const party = parties.includes(partyPart) ? partyPart : findClosest(partyPart, parties);
    if (party !== undefined) {
      return {
        en: `did you mean ${campaign}/${party}?`,
        sv: `menade du ${campaign}/${party}?`,
      };
    }
  }

  const ofCampaign = known.filter((knownId) => knownId.startsWith(`${campaignId}/`));
  return ofCampaign.length > 0
    ? {
        en: `the interviews of ${campaignId} are: ${ofCampaign.join(', ')}`,
        sv: `intervjuerna i ${campaignId} är: ${ofCampaign.join(', ')}`,
      }
    : {
        en: `there are no interviews of ${campaignId} yet: add them under interviews/${campaignId}/`,
        sv: `${campaignId} har inga intervjuer än: lägg dem under interviews/${campaignId}/`,
      };
}
