import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { editYamlText, type YamlEdit } from '../../data/edit-yaml.js';
import { inspectData } from '../../data/load.js';
import { AppError, InputError } from '../../errors.js';
import { onFileSystem } from '../../io/file-system-error.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { formatPath, type Issue } from '../../issue.js';
import { dataFileOf, readTextOrNull, versionOf, wordListPath } from './data-files.js';
import { History, type FileChange, type HistoryEntry } from './history.js';

/** What to do to a file: a YAML edit of it, or its whole text (null: remove it). */
export type FileEdit = YamlEdit | { text: string | null };

/** One file to change, from the version the page read (null: the file must not exist yet). */
export interface FileEditRequest {
  /** Inside the data folder: `interviews/x/y.yaml`, `campaigns/x.yaml`, `words.txt`. */
  file: string;
  baseVersion: string | null;
  edit: FileEdit;
}

/** A file that changed on disk since the page read it: what is there now, and what was asked. */
export interface Conflict {
  file: string;
  current: string | null;
  currentVersion: string | null;
  /** The asked change made to the current text, where it applies; the page shows both. */
  yours: string | null;
}

/** What a change came to: written (with the files' new versions), or why nothing was written. */
export type ChangeResult =
  | {
      ok: true;
      /** The history's entry; null when the texts asked for were there already. */
      change: HistoryEntry | null;
      versions: Record<string, string | null>;
    }
  | { ok: false; reason: 'conflict'; conflicts: Conflict[] }
  | {
      ok: false;
      reason: 'invalid';
      /** What the loader says of the data as it would be, that it did not say before. */
      issues: Issue[];
      /** The texts it would have written, by the loader's path, to quote their lines. */
      texts: ReadonlyMap<string, string | null>;
    }
  | { ok: false; reason: 'nothing' };

export interface WriterOptions {
  /** How many changes can be undone (history.ts's default: 50). */
  historyLimit?: number;
}

/**
 * Every write the studio makes to a data folder, one at a time: each change is checked against
 * the versions the page read, validated as the loader would read the folder afterwards, written
 * file by file whole (temporary file, then rename), and recorded so it can be undone. A change
 * that would add a problem to the data is refused with the loader's own words.
 */
export class DataWriter {
  /** Called after every change written, undo and redo included. */
  readonly listeners = new Set<() => void>();
  private readonly history: History;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dataDir: string,
    options: WriterOptions = {},
  ) {
    this.history = new History(dataDir, options.historyLimit);
  }

  /** Changes files together, as one step of the history. */
  change(label: string, requests: readonly FileEditRequest[]): Promise<ChangeResult> {
    return this.serially(() => this.changeNow(label, requests));
  }

  /** Takes the last change back, if the files are still as it left them. */
  undo(): Promise<ChangeResult> {
    return this.serially(async () => {
      const { undo } = await this.history.ends();
      if (undo === undefined) return { ok: false, reason: 'nothing' };
      return this.replay(undo, 'after', 'before');
    });
  }

  /** Makes the last change undone again, if the files are still as the undo left them. */
  redo(): Promise<ChangeResult> {
    return this.serially(async () => {
      const { redo } = await this.history.ends();
      if (redo === undefined) return { ok: false, reason: 'nothing' };
      return this.replay(redo, 'before', 'after');
    });
  }

  /** The change an undo would take back, and the one a redo would make again. */
  ends(): Promise<{ undo: HistoryEntry | undefined; redo: HistoryEntry | undefined }> {
    return this.serially(() => this.history.ends());
  }

  /** A data file's text and version as they are now. */
  async read(file: string): Promise<{ text: string | null; version: string | null }> {
    const text = await readTextOrNull(dataFileOf(this.dataDir, file));
    return { text, version: versionOf(text) };
  }

  private tell(): void {
    for (const listener of this.listeners) listener();
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async changeNow(
    label: string,
    requests: readonly FileEditRequest[],
  ): Promise<ChangeResult> {
    const seen = new Set<string>();
    for (const { file } of requests) {
      if (seen.has(file)) throw new InputError(`${file} is named twice in one change`);
      seen.add(file);
    }
    const planned: { file: string; before: string | null; after: string | null }[] = [];
    const conflicts: Conflict[] = [];
    const editIssues: Issue[] = [];
    for (const request of requests) {
      const path = dataFileOf(this.dataDir, request.file);
      const current = await readTextOrNull(path);
      const currentVersion = versionOf(current);
      let after: string | null;
      try {
        after = applyEdit(request.file, current, request.edit);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        // An edit that does not apply to the file as it is now: most likely it changed.
        if (currentVersion !== request.baseVersion) {
          conflicts.push({ file: request.file, current, currentVersion, yours: null });
        } else editIssues.push(issueOfError(error, path));
        continue;
      }
      if (currentVersion !== request.baseVersion) {
        conflicts.push({ file: request.file, current, currentVersion, yours: after });
        continue;
      }
      if (after !== current) planned.push({ file: request.file, before: current, after });
    }
    if (conflicts.length > 0) return { ok: false, reason: 'conflict', conflicts };
    if (editIssues.length > 0) {
      return { ok: false, reason: 'invalid', issues: editIssues, texts: new Map() };
    }
    return this.write(label, planned);
  }

  /** Writes an entry's `to` versions over its `from` ones, if the files still hold those. */
  private async replay(
    entry: HistoryEntry,
    from: 'before' | 'after',
    to: 'before' | 'after',
  ): Promise<ChangeResult> {
    const conflicts: Conflict[] = [];
    const planned: { file: string; before: string | null; after: string | null }[] = [];
    for (const change of entry.files) {
      const current = await readTextOrNull(dataFileOf(this.dataDir, change.file));
      const target = await this.history.text(change[to]);
      if (target === undefined) {
        throw new AppError(`the undo history has lost a version of ${change.file}`, {
          hint: `the folder ${historyHint} was changed by hand: the change can no longer be undone`,
        });
      }
      const currentVersion = versionOf(current);
      if (currentVersion !== change[from]) {
        conflicts.push({ file: change.file, current, currentVersion, yours: target });
      } else planned.push({ file: change.file, before: current, after: target });
    }
    if (conflicts.length > 0) return { ok: false, reason: 'conflict', conflicts };
    const invalid = await this.validate(planned);
    if (invalid !== undefined) return invalid;
    await this.writeFiles(planned);
    await this.history.mark(entry.id, to === 'before');
    this.tell();
    const versions = Object.fromEntries(planned.map(({ file, after }) => [file, versionOf(after)]));
    return { ok: true, change: { ...entry, isUndone: to === 'before' }, versions };
  }

  private async write(
    label: string,
    planned: readonly { file: string; before: string | null; after: string | null }[],
  ): Promise<ChangeResult> {
    if (planned.length === 0) return { ok: true, change: null, versions: {} };
    const invalid = await this.validate(planned);
    if (invalid !== undefined) return invalid;
    // The texts first: once a file is written, its change can be undone.
    const files: FileChange[] = [];
    for (const { file, before, after } of planned) {
      files.push({
        file,
        before: await this.history.keep(before),
        after: await this.history.keep(after),
      });
    }
    await this.writeFiles(planned);
    const change = await this.history.record(label, files);
    this.tell();
    const versions = Object.fromEntries(planned.map(({ file, after }) => [file, versionOf(after)]));
    return { ok: true, change, versions };
  }

  /**
   * The data as the loader would read it with these texts: refused when that adds a problem
   * the folder did not have. Problems it had already (a file broken by hand) do not stop a
   * change elsewhere, or the fix of that very file.
   */
  private async validate(
    planned: readonly { file: string; after: string | null }[],
  ): Promise<ChangeResult | undefined> {
    const texts = new Map(
      planned
        .filter(({ file }) => file !== wordListPath)
        .map(({ file, after }) => [dataFileOf(this.dataDir, file), after] as const),
    );
    if (texts.size === 0) return undefined;
    const [before, after] = await Promise.all([
      inspectData(this.dataDir),
      inspectData(this.dataDir, { texts }),
    ]);
    const known = new Map<string, number>();
    for (const issue of before.issues) known.set(keyOf(issue), (known.get(keyOf(issue)) ?? 0) + 1);
    const added = after.issues.filter((issue) => {
      const count = known.get(keyOf(issue)) ?? 0;
      known.set(keyOf(issue), count - 1);
      return count <= 0;
    });
    return added.length === 0 ? undefined : { ok: false, reason: 'invalid', issues: added, texts };
  }

  private async writeFiles(
    planned: readonly { file: string; after: string | null }[],
  ): Promise<void> {
    for (const { file, after } of planned) {
      const path = dataFileOf(this.dataDir, file);
      // A file is only removed where the studio made it: undoing its creation.
      if (after === null) await onFileSystem(path, () => rm(path, { force: true }));
      else await writeFileAtomic(path, after);
    }
  }
}

const historyHint = '.excerpt-history in the data folder';

/** An issue the same for the loader before and after, whatever line it moved to. */
function keyOf(issue: Issue): string {
  return [issue.code, issue.file ?? '', formatPath(issue.path), issue.message].join('\0');
}

function applyEdit(file: string, current: string | null, edit: FileEdit): string | null {
  if ('text' in edit && !Array.isArray(edit) && typeof edit !== 'function') return edit.text;
  if (file === wordListPath) {
    throw new InputError('the word list is text, not YAML', { hint: 'give its whole text' });
  }
  return editYamlText(current, edit as YamlEdit);
}

function issueOfError(error: InputError, file: string): Issue {
  return {
    code: 'schema',
    severity: 'error',
    file,
    path: [],
    message: error.message,
    ...(error.hint === undefined ? {} : { hint: error.hint }),
    ...(error.sv === undefined ? {} : { sv: error.sv }),
  };
}

const writers = new Map<string, DataWriter>();

/** The one writer of a data folder in this process, so its changes never overlap. */
export function writerOf(dataDir: string, options?: WriterOptions): DataWriter {
  const key = resolve(dataDir);
  let writer = writers.get(key);
  if (writer === undefined) {
    writer = new DataWriter(dataDir, options);
    writers.set(key, writer);
  }
  return writer;
}

/**
 * Changes one data file from the version the page read: refused with a conflict (what is on
 * disk now, and the change made to it) when the file changed since, refused with the loader's
 * issues when the result would add a problem to the data; else written whole, recorded for
 * undo, and its new version returned.
 */
export function editDataFile(request: {
  dataDir: string;
  file: string;
  baseVersion: string | null;
  edit: FileEdit;
  label?: string;
}): Promise<ChangeResult> {
  const { dataDir, label = `edit ${request.file}`, ...edit } = request;
  return writerOf(dataDir).change(label, [edit]);
}
