import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, isMap, isSeq, parse } from 'yaml';
import { writeFileAtomic } from '../io/write-file-atomic.js';
import { describeFileSystemError } from '../io/file-system-error.js';
import { editYamlText } from './edit-yaml.js';
import { differencesOf, type FieldDifference } from './import-differences.js';
import type { Interview } from './schema.js';
import type { ImportedCampaign, ImportResult } from './import-page.js';

export interface WriteImportOptions {
  /** The data folder: files go to `<dataDir>/interviews/…` and `<dataDir>/campaigns/…`. */
  dataDir: string;
  /**
   * Replace the files of the page's interviews and campaigns with what the page says, whatever
   * the data says now: corrections, the schedule and hashtags are lost. Only on explicit request.
   */
  force?: boolean;
}

/** An interview the data and the page disagree on: the data's text was kept. */
export interface DifferingInterview {
  id: string;
  path: string;
  differences: FieldDifference[];
}

/** What an import did, or (planImport) would do. */
export interface ImportReport {
  /** Every file written, in order. */
  written: string[];
  /** Interviews new to the data, written. */
  added: string[];
  /** Posts added to a campaign's schedule for the new interviews: `campaign`, `interview`. */
  scheduled: { campaign: string; interview: string; date: string }[];
  /** Interviews the data already holds as the page says them. */
  unchanged: string[];
  /** Interviews whose text differs: the data's was kept (its corrections are never lost). */
  differing: DifferingInterview[];
  /** Files replaced by the page's version (with force only). */
  replaced: string[];
}

/** A file an import writes: its text now (null: new) and after. */
export interface PlannedFile {
  path: string;
  before: string | null;
  after: string;
}

/**
 * What an import of `result` would write into the data folder, merging with what is there:
 * a new interview is added, with a post on its date in its campaign (the campaign made when
 * it is new; an existing campaign keeps its schedule, hashtags and comments, and only gains
 * the new posts); an interview the data holds is never changed: where its text differs from
 * the page (a corrected typo, say), the differences are reported. With `force`, the page's
 * files replace the data's.
 */
export async function planImport(
  result: ImportResult,
  options: WriteImportOptions,
): Promise<{ files: PlannedFile[]; report: ImportReport }> {
  const files: PlannedFile[] = [];
  const report: ImportReport = {
    written: [],
    added: [],
    scheduled: [],
    unchanged: [],
    differing: [],
    replaced: [],
  };
  const isForced = options.force === true;
  for (const interview of result.interviews) {
    const path = join(options.dataDir, 'interviews', `${interview.id}.yaml`);
    const before = await readTextOrNull(path);
    const after = stringifyInterview(interview);
    if (before === null) {
      files.push({ path, before, after });
      report.added.push(interview.id);
      continue;
    }
    const differences = differencesOf(readYamlOrText(before), interview);
    if (differences.length === 0) report.unchanged.push(interview.id);
    else if (isForced) {
      files.push({ path, before, after });
      report.replaced.push(path);
    } else report.differing.push({ id: interview.id, path, differences });
  }
  for (const campaign of result.campaigns) {
    const path = join(options.dataDir, 'campaigns', `${campaign.id}.yaml`);
    const before = await readTextOrNull(path);
    const interviews = result.interviews.filter((interview) => interview.campaign === campaign.id);
    if (before === null || isForced) {
      const after = stringifyCampaign(campaign, interviews);
      if (after === before) continue;
      files.push({ path, before, after });
      if (before !== null) report.replaced.push(path);
      continue;
    }
    const added = interviews.filter((interview) => report.added.includes(interview.id));
    const after = withPosts(before, added);
    if (after === undefined) continue;
    files.push({ path, before, after });
    for (const interview of added) {
      report.scheduled.push({
        campaign: campaign.id,
        interview: interview.id,
        date: interview.publishedOn,
      });
    }
  }
  report.written = files.map((file) => file.path);
  return { files, report };
}

/**
 * Writes an import into the data folder, merging with what is there (planImport). Every file
 * is planned before any is written, and each is written whole (temporary file, then rename).
 */
export async function writeImport(
  result: ImportResult,
  options: WriteImportOptions,
): Promise<ImportReport> {
  const { files, report } = await planImport(result, options);
  for (const file of files) await writeFileAtomic(file.path, file.after);
  return report;
}

/**
 * A campaign's text with a post for each new interview, on its date, in date order among the
 * posts there (through the Document API: the schedule, hashtags and comments stay as written).
 * Undefined when there is nothing to add, or the campaign already posts the interview.
 */
function withPosts(text: string, interviews: readonly Interview[]): string | undefined {
  const scheduled = new Set(postsOf(readYamlOrText(text)).map((post) => post.interview));
  const missing = interviews.filter((interview) => !scheduled.has(interview.id));
  if (missing.length === 0) return undefined;
  return editYamlText(text, (document) => {
    let posts = document.get('posts', true);
    if (!isSeq(posts) || posts.items.length === 0) {
      document.set('posts', document.createNode([], DOCUMENT_OPTIONS));
      posts = document.get('posts', true);
    }
    if (!isSeq(posts)) return;
    const list = posts;
    list.flow = false;
    for (const interview of missing) {
      const node = document.createNode(postOf(interview), DOCUMENT_OPTIONS);
      const qa = isMap(node) ? node.get('qa', true) : undefined;
      if (isSeq(qa)) qa.flow = true;
      const later = list.items.findIndex(
        (item) => isMap(item) && String(item.get('date')) > interview.publishedOn,
      );
      list.items.splice(later === -1 ? list.items.length : later, 0, node);
    }
  });
}

function postsOf(campaign: unknown): { interview?: unknown }[] {
  if (typeof campaign !== 'object' || campaign === null) return [];
  const posts = (campaign as { posts?: unknown }).posts;
  return Array.isArray(posts) ? (posts as { interview?: unknown }[]) : [];
}

/** A post of an interview as the import starts it: on its date, its first Q&A. */
function postOf(interview: Interview): { date: string; interview: string; qa: string[] } {
  return {
    date: interview.publishedOn,
    interview: interview.id,
    qa: [interview.qa[0]?.id ?? 'q1'],
  };
}

/** A data file's value, or its text when it is not valid YAML (then it differs from the page). */
function readYamlOrText(text: string): unknown {
  try {
    return parse(text) as unknown;
  } catch {
    return text;
  }
}

async function readTextOrNull(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw await describeFileSystemError(error, path);
  }
}

/** The theme a campaign starts with, from its marker. */
export function themeForMarker(marker: string): string {
  const key = marker.replace(/\uFE0F/gu, '');
  if (key === '🎄') return 'advent';
  if (key === '🌈') return 'pride';
  return 'default';
}

/**
 * No folding (lineWidth 0): a paragraph stays on one line, so an editor's search finds it. The
 * library quotes what needs quoting, such as a list item ending in ":" or text holding " #" or
 * starting with "*" (FACTS.md); test/data/write-import.test.ts reads such text back.
 */
const STRINGIFY_OPTIONS = { lineWidth: 0 } as const;

/**
 * The same object twice (an answer shared by two Q&As) is written out twice: by default the
 * library writes it once with an anchor and then an alias, which the loader refuses.
 */
const DOCUMENT_OPTIONS = { aliasDuplicateObjects: false } as const;

function stringifyInterview(interview: Interview): string {
  const document = new Document(interview, DOCUMENT_OPTIONS);
  document.commentBefore = ` Imported by \`excerpt import\`. Obvious typos of the source may be corrected here.`;
  const interviewee = document.get('interviewee', true);
  if (isMap(interviewee)) interviewee.flow = true;
  return document.toString(STRINGIFY_OPTIONS);
}

function stringifyCampaign(campaign: ImportedCampaign, interviews: Interview[]): string {
  const posts = interviews
    .map((interview, index) => ({ interview, index }))
    .sort(
      (left, right) =>
        left.interview.publishedOn.localeCompare(right.interview.publishedOn) ||
        left.index - right.index,
    )
    .map(({ interview }) => postOf(interview));
  const document = new Document(
    {
      id: campaign.id,
      title: campaign.title,
      marker: campaign.marker,
      theme: themeForMarker(campaign.marker),
      hashtags: [],
      posts,
    },
    DOCUMENT_OPTIONS,
  );
  document.commentBefore = ` Imported by \`excerpt import\`: one post per interview on its date, q1 to start with.`;
  const postsNode = document.get('posts', true);
  if (isSeq(postsNode)) {
    for (const post of postsNode.items) {
      const qa = isMap(post) ? post.get('qa', true) : undefined;
      if (isSeq(qa)) qa.flow = true;
    }
  }
  return document.toString(STRINGIFY_OPTIONS);
}
