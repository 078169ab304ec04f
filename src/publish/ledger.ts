import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { describeZodIssues } from '../data/describe-zod-issues.js';
import { formatPath } from '../issue.js';
import { InputError } from '../errors.js';
import { describeFileSystemError } from '../io/file-system-error.js';
import { writeFileAtomic } from '../io/write-file-atomic.js';

/**
 * The publish ledger: what `excerpt publish` has done for each post, so that no post is ever
 * published twice. It lives with the data (`<data>/publish/<campaign>.json`), not in out/, so
 * deleting out/ loses nothing; it is JSON a person can read; and it is written whole (a
 * temporary file, then a rename) after every step: each container made, the moment before
 * `media_publish` is asked (from then on the outcome is unknown until Instagram says), and
 * the media id and permalink. It never holds the access token. The data loader reads only
 * brand.yaml, campaigns/ and interviews/, so the folder is not taken for data.
 */

/** The ledger's folder inside the data folder. */
export const ledgerFolderName = 'publish';

const isoTime = z.string().min(1);

const errorRecordSchema = z.object({
  at: isoTime,
  /** What was being done: `slide 02.jpg`, `carousel`, `status`, `publish`, `permalink`. */
  step: z.string(),
  message: z.string(),
  code: z.number().optional(),
  subcode: z.number().optional(),
});
export type ErrorRecord = z.infer<typeof errorRecordSchema>;

const entrySchema = z.object({
  /** `<campaign>/<date>-<party>`. */
  id: z.string(),
  publishAt: z.string(),
  /** The Instagram account the containers and the post belong to. */
  account: z.string(),
  /**
   * creating: containers being made or waited for; publishing: `media_publish` was asked and
   * its outcome is not known yet; published; failed: Instagram refused the post.
   */
  state: z.enum(['creating', 'publishing', 'published', 'failed']),
  /** Runs that set out to publish the post. */
  attempts: z.number().int().min(0),
  /** A hash of what is published (caption, slides, alt texts): containers of other content are not reused. */
  content: z.string(),
  children: z.array(
    z.object({ file: z.string(), sha256: z.string(), container: z.string(), createdAt: isoTime }),
  ),
  carousel: z.object({ container: z.string(), createdAt: isoTime }).optional(),
  /** Set just before `media_publish` is asked; cleared once Instagram says what became of it. */
  publishRequestedAt: isoTime.optional(),
  mediaId: z.string().optional(),
  permalink: z.string().optional(),
  publishedAt: isoTime.optional(),
  /** How it was learnt that the post is live, when not from media_publish's answer. */
  foundBy: z.enum(['status', 'caption']).optional(),
  failure: z
    .object({
      at: isoTime,
      step: z.string(),
      message: z.string(),
      hint: z.string().optional(),
      /** Retried only once the post is built anew, or with --only its date. */
      isFinal: z.boolean(),
    })
    .optional(),
  /** The latest errors met, newest last. */
  errors: z.array(errorRecordSchema),
});
export type LedgerEntry = z.infer<typeof entrySchema>;

const ledgerSchema = z.object({
  about: z.string().optional(),
  campaign: z.string(),
  /** By post folder, `<date>-<party>`. */
  posts: z.record(z.string(), entrySchema),
});
export type Ledger = z.infer<typeof ledgerSchema>;

/** Errors kept a post: enough to see what went wrong, without growing a line every cron run. */
const keptErrors = 20;

const about =
  'What excerpt publish has done for each post of this campaign. It is how a rerun knows what is already on Instagram: do not delete or edit it while posts are being published.';

/** The ledger file of a campaign. */
export function ledgerPath(dataDir: string, campaignId: string): string {
  return join(dataDir, ledgerFolderName, `${campaignId}.json`);
}

/** The ledger's file was there, but could not be read as a ledger. */
export class LedgerDamagedError extends InputError {}

/**
 * Reads a campaign's ledger; none yet is an empty one. A ledger that cannot be read is an error,
 * never taken for empty: that would publish again what is live.
 */
export async function readLedger(dataDir: string, campaignId: string): Promise<Ledger> {
  const path = ledgerPath(dataDir, campaignId);
  // A folder or a FIFO by that name is no ledger: reading a FIFO would wait for ever.
  const stats = await stat(path).catch(() => undefined);
  if (stats !== undefined && !stats.isFile()) {
    throw new LedgerDamagedError(`${path} is not a plain file`, {
      hint: 'it is where the ledger of what is on Instagram goes: move that away and put the ledger back (from a backup), or remove it if nothing of the campaign was ever published',
    });
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { about, campaign: campaignId, posts: {} };
    }
    throw await describeFileSystemError(error, path);
  }
  const hint =
    'it records what is on Instagram already: repair it by hand (it is JSON) or restore it from a backup; removing it risks posting again what is live';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LedgerDamagedError(`${path} is not valid JSON: ${(error as Error).message}`, {
      hint,
      cause: error,
    });
  }
  const parsed = ledgerSchema.safeParse(json);
  if (!parsed.success) {
    const [first] = describeZodIssues(parsed.error.issues, json, ledgerSchema);
    const where = first === undefined ? '' : `${formatPath(first.path)}: ${first.message}`;
    throw new LedgerDamagedError(`${path} is damaged: ${where}`, { hint });
  }
  if (parsed.data.campaign !== campaignId) {
    throw new LedgerDamagedError(
      `${path} is the ledger of ${parsed.data.campaign}, not of ${campaignId}`,
      { hint },
    );
  }
  return parsed.data;
}

/** Writes a campaign's ledger whole: a temporary file, then a rename. */
export async function writeLedger(dataDir: string, ledger: Ledger): Promise<void> {
  const posts = Object.fromEntries(
    Object.entries(ledger.posts)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([folder, entry]) => [folder, ordered(entry)]),
  );
  const text = `${JSON.stringify({ about, campaign: ledger.campaign, posts }, null, 2)}\n`;
  await writeFileAtomic(ledgerPath(dataDir, ledger.campaign), text);
}

/** An entry with its fields in reading order: what a person looks for first comes first. */
function ordered(entry: LedgerEntry): LedgerEntry {
  const { id, publishAt, state, account, mediaId, permalink, publishedAt, foundBy } = entry;
  const { attempts, content, children, carousel, publishRequestedAt, failure, errors } = entry;
  const optional = { mediaId, permalink, publishedAt, foundBy };
  const more = { carousel, publishRequestedAt, failure };
  const defined = <T extends object>(fields: T): Partial<T> =>
    Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined),
    ) as Partial<T>;
  return {
    id,
    publishAt,
    state,
    account,
    ...defined(optional),
    attempts,
    content,
    children,
    ...defined(more),
    errors: errors.slice(-keptErrors),
  };
}
