import { basename, dirname, join } from 'node:path';
import { formatPath } from '../issue.js';
import type { FieldPath, Issue } from '../issue.js';
import { findClosest } from './closest.js';
import { closestPassage, isVerbatimPassage } from './highlight.js';
import type { Brand, Campaign, Interview } from './schema.js';

/** What every issue found here is: an error in how files refer to each other. */
const reference = { code: 'reference', severity: 'error' } as const;

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
      issues.push({
        ...reference,
        file,
        path: ['qa', index, 'id'],
        message: `${qa.id} is already the id of ${formatPath(['qa', earlier])}`,
        hint: 'every Q&A of an interview needs its own id (q1, q2, …)',
      });
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
      issues.push({
        ...reference,
        file,
        path: ['id'],
        message: `is ${campaign.id} but the file is named ${basename(file)}`,
        hint: `a campaign's id and file name must match: set id: ${expected}, or rename the file to ${campaign.id}.yaml`,
      });
    }
    const first = firstFile.get(campaign.id);
    if (first === undefined) firstFile.set(campaign.id, file);
    else {
      issues.push({
        ...reference,
        file,
        path: ['id'],
        message: `${campaign.id} is already the id of ${first}`,
        hint: 'every campaign needs its own id',
      });
    }

    if (brand !== undefined && !Object.hasOwn(brand.themes, campaign.theme)) {
      const themes = Object.keys(brand.themes);
      const closest = findClosest(campaign.theme, themes);
      issues.push({
        ...reference,
        file,
        path: ['theme'],
        message: `the theme ${campaign.theme} is not defined in brand.yaml`,
        hint: `${closest === undefined ? '' : `did you mean ${closest}? `}the themes are: ${themes.join(', ')}`,
      });
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
      issues.push({
        ...reference,
        file,
        path: at,
        message: `is the same post as ${formatPath(['posts', earlier])} (${post.interview} on ${post.date})`,
        hint: 'remove one of them',
      });
    }

    const sourced = context.interviewsById.get(post.interview);
    if (sourced === undefined) {
      if (!context.unreadableInterviews.has(post.interview)) {
        issues.push({
          ...reference,
          file,
          path: [...at, 'interview'],
          message: `no interview has the id ${post.interview}`,
          hint: unknownInterviewHint(post.interview, campaign.id, context),
        });
      }
      return;
    }

    const interview = sourced.value;
    if (!names.has(interview.campaign)) {
      issues.push({
        ...reference,
        file,
        path: [...at, 'interview'],
        message: `${interview.id} belongs to the campaign ${interview.campaign}, not ${campaign.id}`,
        hint: `move this post to ${join(dirname(file), `${interview.campaign}.yaml`)}`,
      });
    }

    const qaIds = interview.qa.map((qa) => qa.id);
    const listed = new Set<string>();
    post.qa.forEach((qaId, qaIndex) => {
      if (!qaIds.includes(qaId)) {
        issues.push({
          ...reference,
          file,
          path: [...at, 'qa', qaIndex],
          message: `${qaId} is not a Q&A of ${interview.id}`,
          hint: `its Q&A ids are: ${qaIds.join(', ')}`,
        });
      } else if (listed.has(qaId)) {
        issues.push({
          ...reference,
          file,
          path: [...at, 'qa', qaIndex],
          message: `${qaId} is listed twice`,
          hint: 'remove the second one',
        });
      }
      listed.add(qaId);
    });

    if (post.highlight !== undefined) {
      const chosen = interview.qa.filter((qa) => post.qa.includes(qa.id));
      if (!isVerbatimPassage(post.highlight, chosen)) {
        const closest = closestPassage(post.highlight, chosen);
        issues.push({
          ...reference,
          file,
          path: [...at, 'highlight'],
          message: `is not a passage of the chosen answers, word for word (${post.qa.join(', ')} of ${interview.id})`,
          hint:
            closest === undefined
              ? 'copy the passage from the answer as it is written'
              : `the closest passage of the answer reads: ”${closest}”; copy it as it is written (only spaces, quotation marks and a full stop at the end may differ)`,
        });
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
      issues.push({
        ...reference,
        file,
        path: ['id'],
        message: `is ${interview.id} but the file is ${file}`,
        hint: `an interview's id is <campaign folder>/<file name>: set id: ${expected}, or move the file to interviews/${interview.id}.yaml`,
      });
    }

    if (interview.campaign !== folder) {
      issues.push({
        ...reference,
        file,
        path: ['campaign'],
        message: `is ${interview.campaign} but the file is in the folder of ${folder}`,
        hint: `set campaign: ${folder}, or move the file to interviews/${interview.campaign}/`,
      });
    } else if (!context.campaignIds.has(folder)) {
      const closest = findClosest(folder, context.campaignIds);
      const known = [...context.campaignIds].sort();
      issues.push({
        ...reference,
        file,
        path: ['campaign'],
        message: `no campaign has the id ${folder}`,
        hint:
          closest !== undefined
            ? `did you mean ${closest}? the folder under interviews/ and campaign: both name the campaign`
            : `add campaigns/${folder}.yaml${known.length > 0 ? `; the campaigns are: ${known.join(', ')}` : ''}`,
      });
    }

    const first = firstFile.get(interview.id);
    if (first === undefined) firstFile.set(interview.id, file);
    else {
      issues.push({
        ...reference,
        file,
        path: ['id'],
        message: `${interview.id} is already the id of ${first}`,
        hint: 'every interview needs its own id',
      });
    }

    issues.push(...checkQaIds(file, interview));
  }
  return issues;
}

/**
 * A likely typo, compared part by part (`<campaign>/<party>`): whole ids share long prefixes,
 * which would make unrelated parties look alike. Otherwise the campaign's interviews, listed.
 */
function unknownInterviewHint(id: string, campaignId: string, context: Context): string {
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
    if (party !== undefined) return `did you mean ${campaign}/${party}?`;
  }

  const ofCampaign = known.filter((knownId) => knownId.startsWith(`${campaignId}/`));
  return ofCampaign.length > 0
    ? `the interviews of ${campaignId} are: ${ofCampaign.join(', ')}`
    : `there are no interviews of ${campaignId} yet: add them under interviews/${campaignId}/`;
}
