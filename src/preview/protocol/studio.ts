import type { Problem } from './preview.js';

/** The studio's writes, import and proofreading (see page-protocol.ts). */

// ---- Writes (studio-core): every change goes through one guarded path -----------------------
//
// Every request that changes anything is a POST under /api/ with the page's session token in
// the `X-Excerpt-Token` header (the page finds it in <meta name="excerpt-token">) and a JSON
// body; the browser adds the page's Origin. Anything else is a 403 and changes nothing.

/** A field of a YAML data file, as issues name it: `['qa', 2, 'answer', 0]`. */
export type FieldPathJson = (string | number)[];

/** One change to a YAML data file (src/data/edit-yaml.ts). */
export type EditOperationJson =
  | { op: 'set'; path: FieldPathJson; value: unknown }
  | { op: 'delete'; path: FieldPathJson }
  | { op: 'insert'; path: FieldPathJson; index?: number; value: unknown };

/**
 * POST /api/edit: change one data file (a path inside the data folder, e.g.
 * `interviews/x/y.yaml`) from the version the page read (null: the file must not exist yet),
 * by operations on its YAML, or by its whole text.
 */
export interface EditRequest {
  file: string;
  baseVersion: string | null;
  operations?: EditOperationJson[];
  /** The file's whole text instead of operations; null removes a file the studio made. */
  text?: string | null;
  /** What the history calls this change, shown on the undo button. */
  label: string;
}

/** GET /api/file?path=…: a data file's text and version, as on disk now. */
export interface FileReply {
  file: string;
  text: string | null;
  version: string | null;
}

/** A change the history holds. */
export interface HistoryStep {
  id: string;
  label: string;
  /** ISO 8601. */
  at: string;
  /** The files it changed, inside the data folder. */
  files: string[];
}

/** GET /api/history: what undo would take back and redo would make again. */
export interface HistoryReply {
  undo: HistoryStep | null;
  redo: HistoryStep | null;
}

/** A file that changed on disk since the page read it: both texts, for the user to choose. */
export interface EditConflict {
  file: string;
  current: string | null;
  currentVersion: string | null;
  /** The change asked for, made to the current text (null where it does not apply). */
  yours: string | null;
}

/**
 * The answer to every write (POST /api/edit, /api/undo, /api/redo, and the writes of other
 * views): 200 written; 409 a conflict, or nothing to undo or redo; 422 the loader's problems
 * with the data as it would be, nothing written; 400 a request the server cannot read; 403
 * refused (not from the studio's page).
 */
export type EditReply =
  | {
      ok: true;
      versions: Record<string, string | null>;
      /** Null when nothing needed writing: the file already said that. */
      change: HistoryStep | null;
      history: HistoryReply;
    }
  | { ok: false; reason: 'conflict'; conflicts: EditConflict[] }
  | { ok: false; reason: 'invalid'; problem: Problem }
  | { ok: false; reason: 'nothing' }
  | { ok: false; reason: 'bad-request' | 'refused'; message: string }
  /** The server failed (a disk that refused, a bug): a 500, nothing written. */
  | { ok: false; reason: 'failed'; problem: Problem };

// ---- Import (studio-core): a page pasted or dropped, seen before it is saved -----------------

/** POST /api/import/preview and /api/import/save: the page's text, as pasted or dropped. */
export interface ImportRequest {
  text: string;
  /** The dropped file's name, for messages; `sidan` when pasted. */
  source?: string;
}

/**
 * A line the importer read but may have read wrong: `dash-bullet` a line starting with `-` or
 * `*` (read as a paragraph: the website writes bullets with •); `unmarked-question` a line that
 * ends like a question but has no campaign emoji before it.
 */
export interface ImportFlag {
  line: number;
  text: string;
  kind: 'dash-bullet' | 'unmarked-question';
}

/** A field where the data and the page differ: the differing words each side. */
export interface ImportDifference {
  /** The field's path as the data writes it (`qa[2].answer[1]`). */
  where: string;
  /** The same in words (`q3, svaret: stycke 2`), for the Swedish page. */
  whereSv: string;
  data?: string;
  page?: string;
}

/** An interview as the page was read, and what saving would do with it. */
export interface ImportedInterview {
  id: string;
  /** Inside the data folder. */
  file: string;
  campaign: string;
  party: string;
  name: string;
  role: string;
  date: string;
  questions: { id: string; question: string; blocks: number }[];
  /** `new`: saving adds it; `same`: the data has it as the page says; `differs`: kept as the data has it. */
  status: 'new' | 'same' | 'differs';
  differences: ImportDifference[];
}

/** What the page was read as; nothing is written. */
export type ImportPreviewReply =
  | {
      ok: true;
      campaigns: { id: string; title: string; marker: string; isNew: boolean }[];
      interviews: ImportedInterview[];
      flags: ImportFlag[];
    }
  | { ok: false; reason: 'unreadable'; problem: Problem }
  | { ok: false; reason: 'bad-request' | 'refused'; message: string }
  /** The server failed (a disk that refused, a bug): a 500, nothing written. */
  | { ok: false; reason: 'failed'; problem: Problem };

// ---- Proofreading in place (studio-core) ---------------------------------------------------

/** A paragraph, or a bullet list, of an answer: as the data holds it. */
export type AnswerBlockJson = string | { list: string[] };

/** A word `check` does not know, where it stands, and what it may have meant. */
export interface SpellingFinding {
  /** The field, as edits name it: `['qa', 2, 'answer', 0]` (a list item: `[…, 'list', 1]`). */
  path: FieldPathJson;
  word: string;
  suggestions: string[];
}

/** GET /api/proofread?interview=<id>: an interview's text as the data holds it, and its findings. */
export interface ProofreadReply {
  interview: string;
  /** Inside the data folder, for POST /api/edit. */
  file: string;
  version: string | null;
  qa: { id: string; question: string; answer: AnswerBlockJson[] }[];
  spelling: SpellingFinding[];
  /** `check`'s other findings that concern this interview, each where it is shown. */
  findings: PlacedFinding[];
  /** This interview's scheduled posts as `check` laid them out: what each Q&A takes. */
  posts: { date: string; slides: number | null; perQa: { id: string; slides: number }[] }[];
  /** The word list's version, to add a word to it (POST /api/words). */
  wordsVersion: string | null;
}

/**
 * One of `check`'s findings (not spelling) placed where the Interview view shows it: at a field
 * (`path`: a character that cannot be drawn), at the Q&As of a post (`qa`: fit, limits,
 * fairness of this interview's post), or else with the campaign (contrast of its theme).
 */
export interface PlacedFinding {
  code: 'syntax' | 'schema' | 'reference' | 'glyph' | 'fit' | 'contrast' | 'limit' | 'fairness';
  severity: 'error' | 'warning';
  /** check's words, in English as `excerpt check` prints them. */
  message: string;
  hint?: string;
  /** The same in Swedish, when the finding has it (the data's own problems do). */
  sv?: { message: string; hint?: string };
  /** The file and field, as check names them: `data/brand.yaml`, `themes.pride.light.muted`. */
  file?: string;
  where: string;
  path?: FieldPathJson;
  /** The character that cannot be drawn (glyph), and its code point: `U+F0B7`. */
  word?: string;
  codePoint?: string;
  qa?: string[];
  /** The theme a contrast finding is about. */
  theme?: string;
}

/** POST /api/words: adds a word to the word list (data/words.txt), one change the history keeps. */
export interface AddWordRequest {
  word: string;
}
