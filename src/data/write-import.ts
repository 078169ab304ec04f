import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, isMap, isSeq } from 'yaml';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../io/write-file-atomic.js';
import type { Interview } from './schema.js';
import type { ImportedCampaign, ImportResult } from './import-page.js';

export interface WriteImportOptions {
  /** The data folder: files go to `<dataDir>/interviews/…` and `<dataDir>/campaigns/…`. */
  dataDir: string;
  /** Overwrite files that exist. */
  force?: boolean;
}

interface PlannedFile {
  path: string;
  content: string;
}

/**
 * Writes an import into the data folder: one YAML file per interview and one per campaign, the
 * campaign with a post per interview on its publication date (q1 as a starting point). Checks
 * every target before writing any, so a refused import leaves the folder as it was.
 */
export async function writeImport(
  result: ImportResult,
  options: WriteImportOptions,
): Promise<string[]> {
  const planned: PlannedFile[] = [
    ...result.interviews.map((interview) => ({
      path: join(options.dataDir, 'interviews', `${interview.id}.yaml`),
      content: stringifyInterview(interview),
    })),
    ...result.campaigns.map((campaign) => ({
      path: join(options.dataDir, 'campaigns', `${campaign.id}.yaml`),
      content: stringifyCampaign(
        campaign,
        result.interviews.filter((interview) => interview.campaign === campaign.id),
      ),
    })),
  ];

  if (options.force !== true) {
    const existing: string[] = [];
    for (const file of planned) {
      if (await exists(file.path)) existing.push(file.path);
    }
    if (existing.length > 0) {
      throw new InputError(
        [
          existing.length === 1
            ? 'The import would overwrite a file that exists:'
            : `The import would overwrite ${existing.length} files that exist:`,
          ...existing.map((path) => `  ${path}`),
        ].join('\n'),
        { hint: 'use --force to overwrite' },
      );
    }
  }

  for (const file of planned) await writeFileAtomic(file.path, file.content);
  return planned.map((file) => file.path);
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
    .map(({ interview }) => ({
      date: interview.publishedOn,
      interview: interview.id,
      qa: [interview.qa[0]?.id ?? 'q1'],
    }));
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

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
