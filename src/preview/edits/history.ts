import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { readTextOrNull, versionOf } from './data-files.js';

/**
 * Where the studio keeps the versions it can go back to: beside the data, in a dot folder that
 * the loader, the watcher and `excerpt check` pass over. A person may delete it at any time:
 * only the undo history goes with it.
 */
export const historyFolder = '.excerpt-history';

/** How many changes can be undone; older ones (and their texts) are pruned. */
export const defaultHistoryLimit = 50;

/** One file of a change: its version before and after, null where there was no file. */
export interface FileChange {
  /** Inside the data folder: `interviews/x/y.yaml`. */
  file: string;
  before: string | null;
  after: string | null;
}

/** A change the studio made: one save, one import, one word added. */
export interface HistoryEntry {
  id: string;
  /** What the page called it, to show on its undo button. */
  label: string;
  /** When it was made, ISO 8601. */
  at: string;
  files: FileChange[];
  /** Undone, so it can be redone; undone entries are always the last ones. */
  isUndone: boolean;
}

const versionSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .nullable();
const logSchema = z.object({
  version: z.literal(1),
  entries: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      at: z.string(),
      files: z.array(z.object({ file: z.string(), before: versionSchema, after: versionSchema })),
      isUndone: z.boolean(),
    }),
  ),
});

/**
 * The studio's undo history of one data folder: a log of changes, each naming the versions of
 * the files it changed, and the texts of those versions, stored once each by their hash. The
 * log and every text are written whole (write-file-atomic); an unreadable log starts afresh.
 */
export class History {
  private readonly dir: string;
  private readonly textsDir: string;

  constructor(
    dataDir: string,
    private readonly limit = defaultHistoryLimit,
  ) {
    this.dir = join(dataDir, historyFolder);
    this.textsDir = join(this.dir, 'texts');
  }

  /** Every entry, oldest first. */
  async entries(): Promise<HistoryEntry[]> {
    const text = await readTextOrNull(join(this.dir, 'log.json'));
    if (text === null) return [];
    try {
      return logSchema.parse(JSON.parse(text)).entries;
    } catch {
      return [];
    }
  }

  /** The change an undo would take back, and the one a redo would make again. */
  async ends(): Promise<{ undo: HistoryEntry | undefined; redo: HistoryEntry | undefined }> {
    const entries = await this.entries();
    return {
      undo: entries.findLast((entry) => !entry.isUndone),
      redo: entries.find((entry) => entry.isUndone),
    };
  }

  /** Keeps a text, so a version of it can be written back; returns its version. */
  async keep(text: string | null): Promise<string | null> {
    const version = versionOf(text);
    if (text === null || version === null) return null;
    const file = join(this.textsDir, `${version}.txt`);
    if ((await readTextOrNull(file)) !== text) await writeFileAtomic(file, text);
    return version;
  }

  /** The text of a version kept; undefined when it is gone (the folder was cleared). */
  async text(version: string | null): Promise<string | null | undefined> {
    if (version === null) return null;
    const text = await readTextOrNull(join(this.textsDir, `${version}.txt`));
    return text !== null && versionOf(text) === version ? text : undefined;
  }

  /**
   * Adds a change made now. Whatever was undone can no longer be redone, as in any editor; the
   * oldest changes past the limit are pruned, with the texts no entry needs any more.
   */
  async record(label: string, files: FileChange[]): Promise<HistoryEntry> {
    const entries = (await this.entries()).filter((entry) => !entry.isUndone);
    const entry: HistoryEntry = {
      id: `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`,
      label,
      at: new Date().toISOString(),
      files,
      isUndone: false,
    };
    entries.push(entry);
    await this.save(entries.slice(-this.limit));
    return entry;
  }

  /** Marks an entry undone (or, with false, done again). */
  async mark(id: string, isUndone: boolean): Promise<void> {
    const entries = await this.entries();
    await this.save(entries.map((entry) => (entry.id === id ? { ...entry, isUndone } : entry)));
  }

  private async save(entries: HistoryEntry[]): Promise<void> {
    await writeFileAtomic(
      join(this.dir, 'log.json'),
      `${JSON.stringify({ version: 1, entries }, null, 2)}\n`,
    );
    await this.prune(entries);
  }

  /** Removes the texts no entry names: only files of ours, in our folder, by their names. */
  private async prune(entries: readonly HistoryEntry[]): Promise<void> {
    const needed = new Set(
      entries.flatMap((entry) => entry.files.flatMap((file) => [file.before, file.after])),
    );
    const names = await readdir(this.textsDir).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((name) => /^[0-9a-f]{64}\.txt$/.test(name) && !needed.has(name.slice(0, 64)))
        .map((name) => rm(join(this.textsDir, name), { force: true })),
    );
  }
}
