import { DataError, InputError } from '../errors.js';
import type { Issue } from '../issue.js';
import { describeZodIssues } from './describe-zod-issues.js';
import { readDate, readPerson } from './import/intro.js';
import { readLines, type Fail } from './import/lines.js';
import { chooseMarkers } from './import/markers.js';
import { deriveParties } from './import/parties.js';
import {
  collectMarkedQuestions,
  indexKnownQuestions,
  parseAnswers,
  type KnownQuestions,
} from './import/questions.js';
import { findSections } from './import/sections.js';
import { interviewSchema, type Interview } from './schema.js';
import { slugify } from './slug.js';

/**
 * The importer: turns a page in the source's format (PRODUCT.md, FACTS.md "The source page's
 * quirks") into interviews. A page is a title and a preamble, then sections, each a campaign
 * heading line, an intro naming the interviewee (role) and the Instagram date, and questions
 * marked with the campaign's emoji, each followed by its answer: paragraphs, and bullet lists
 * written as lines starting with `•`.
 *
 * Pure: text in, data out. Every interview is validated with interviewSchema. The steps live in
 * import/: lines, sections, intro, markers, parties, questions.
 */

export interface ImportedCampaign {
  id: string;
  title: string;
  marker: string;
}

export interface ImportResult {
  campaigns: ImportedCampaign[];
  interviews: Interview[];
}

export interface ImportOptions {
  /** The page's file name, for error messages. */
  source?: string;
}

/** Parses a page in the source's format into campaigns and validated interviews. */
export function importPage(text: string, options: ImportOptions = {}): ImportResult {
  const source = options.source ?? 'page';
  // The studio shows the pasted text, not a file: its Swedish names the line alone.
  const fail: Fail = (line, message, hint, sv) => {
    throw new InputError(`${source}:${line}: ${message}`, {
      hint,
      sv: { message: `Rad ${line}: ${sv.message}`, hint: sv.hint },
    });
  };

  const lines = readLines(text);
  const sections = findSections(lines, fail);
  const people = sections.map((section) => readPerson(section.intro, fail));
  const dates = sections.map((section) => readDate(section.intro, fail));

  const markers = chooseMarkers(sections, fail);
  const firstQuestions = sections.map((section) =>
    collectMarkedQuestions(section, markers.get(section.campaignId)?.key ?? ''),
  );
  const parties = deriveParties(sections, firstQuestions, fail);

  const known = indexKnownQuestions(sections, firstQuestions, parties);

  // By id, in page order: a Map, not a search of the list for every section.
  const campaigns = new Map<string, ImportedCampaign>();
  for (const section of sections) {
    if (!campaigns.has(section.campaignId)) {
      const marker = markers.get(section.campaignId);
      campaigns.set(section.campaignId, {
        id: section.campaignId,
        title: section.title,
        marker: marker?.raw ?? '',
      });
    }
  }

  const seen = new Map<string, number>();
  const interviews = sections.map((section, index) => {
    const party = parties[index] ?? '';
    const marker = markers.get(section.campaignId)?.key ?? '';
    const qa = parseAnswers(section, marker, party, known[index] as KnownQuestions, fail);

    const id = `${section.campaignId}/${slugify(party)}`;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      fail(
        section.heading.number,
        `a second interview with ${party} in "${section.title}" (the first starts at line ${earlier})`,
        'each party has one interview a campaign: remove the duplicate or give it its own campaign heading',
        {
          message: `${party} har redan en intervju i ”${section.title}” (den första börjar på rad ${earlier}).`,
          hint: 'Varje parti har en intervju per kampanj: ta bort den extra intervjun, eller ge den en egen rubrik för en annan kampanj.',
        },
      );
    }
    seen.set(id, section.heading.number);

    return validateInterview(
      {
        id,
        campaign: section.campaignId,
        party,
        interviewee: people[index] as Interview['interviewee'],
        publishedOn: dates[index] as string,
        intro: section.intro.text,
        qa,
      },
      source,
      index,
    );
  });

  return { campaigns: [...campaigns.values()], interviews };
}

/**
 * The interview, or the problems zod finds with it, described as the loader describes a data
 * file's: describeZodIssues is where the words come from, the Swedish (`sv`) included.
 */
function validateInterview(interview: Interview, source: string, index: number): Interview {
  const result = interviewSchema.safeParse(interview);
  if (result.success) return result.data;
  throw new DataError(
    describeZodIssues(result.error.issues, interview, interviewSchema).map((issue): Issue => ({
      ...issue,
      file: source,
      path: ['interviews', index, ...issue.path],
    })),
    { hint: 'the page was read, but an interview did not come out valid: check the lines named' },
  );
}
