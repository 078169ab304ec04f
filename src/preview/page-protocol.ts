/**
 * What the preview server and its page say to each other: the JSON of /api/* and of the event
 * stream. Types only, importing nothing, because both sides compile it: the server under Node
 * and the page's client (src/preview/client/) for the browser, with no Node types. The server
 * builds these values from its own types, so tsc says when the two part ways (a new format, a
 * new field of a problem).
 */

/** A post's shape on Instagram (data/schema's Format). */
export type PostFormat = 'square' | 'portrait' | 'story';

/** The image type of the slides (render/rasterize's ImageFormat). */
export type SlideImage = 'jpeg' | 'png';

/** One place something is wrong, as the page shows it. */
export interface ProblemEntry {
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** Field path inside a data file, e.g. `qa[2].question`. */
  where?: string;
  message: string;
  hint?: string;
  /** The text of the line at fault, when the file and line are known. */
  code?: string;
}

/**
 * What the page shows where slides would be: a title and every place at fault. Plain data, so
 * it crosses from a render worker to the server and on to the page as JSON.
 */
export interface Problem {
  title: string;
  entries: ProblemEntry[];
  /** For an unexpected error (a template that throws): where it was thrown. */
  stack?: string;
}

/** A scheduled post as the page lists it; its slides are fetched by `key`. */
export interface StatePost {
  /** `<campaign>/<date>-<party>`, as in `out/`: stays the same while the post is edited. */
  id: string;
  campaign: string;
  interview: string;
  party: string;
  name: string;
  role: string;
  date: string;
  /** Publish time of day, Europe/Stockholm. */
  time: string;
  qa: string[];
  format: PostFormat;
  /** The interview's data file. */
  file: string;
  /** The content key of the post's slides; absent when a problem stops them. */
  key?: string;
  problem?: Problem;
}

export interface StateCampaign {
  id: string;
  title: string;
  subtitle?: string;
  marker: string;
  format: PostFormat;
  hashtags: string[];
  /** In date order, then party. */
  posts: StatePost[];
}

export interface StateInterview {
  id: string;
  campaign: string;
  party: string;
  name: string;
  role: string;
  file: string;
  publishedOn: string;
  /** The campaign's post of this interview, if it schedules one. */
  scheduled?: { date: string; qa: string[] };
  qa: { id: string; question: string; excerpt: string }[];
}

/** Everything the page shows, but the pixels: GET /api/state. */
export interface PreviewState {
  /** Goes up with every change to the data or templates. */
  version: number;
  /** False once a change to the data or templates may go unseen (a watched folder is gone). */
  isFollowing: boolean;
  /** The format asked for; null: each campaign's own. */
  format: PostFormat | null;
  image: SlideImage;
  brand: { organisation: string; handle: string; website: string } | null;
  /** Problems with the data or templates as a whole, and with following them. */
  problems: Problem[];
  campaigns: StateCampaign[];
  interviews: StateInterview[];
}

/** A post drawn: what Instagram would show, with the URL of each slide's image. */
export interface DrawnPost {
  id: string;
  publishAt: string;
  format: PostFormat;
  width: number;
  height: number;
  caption: string;
  hashtags: string[];
  slides: { url: string; kind: 'cover' | 'qa' | 'continuation' | 'closing'; alt: string }[];
}

/**
 * GET /api/post/<key>: the post drawn, or what stops it. A key the server no longer knows (the
 * data changed since the page asked) is a 404 with `stale`: the page fetches the state again.
 */
export type PostReply =
  { key: string; ok: true; post: DrawnPost } | { key: string; ok: false; problem: Problem };

/** The body of that 404. */
export interface StaleReply {
  key: string;
  stale: true;
}

/** GET /api/choice?interview=…&qa=…: the key of a carousel of chosen Q&As, or why there is none. */
export type ChoiceReply = { ok: true; key: string } | { ok: false; problem: Problem };

/** The event stream's first event: which version the server is at, and whether it follows. */
export interface HelloEvent {
  version: number;
  isFollowing: boolean;
}

/** A `change` event: the page fetches the state again. */
export interface ChangeEvent {
  version: number;
  /** `watching`: a folder is no longer followed. */
  what: 'data' | 'templates' | 'watching';
}

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
  | { ok: false; reason: 'bad-request' | 'refused'; message: string };

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
  where: string;
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
  | { ok: false; reason: 'bad-request' | 'refused'; message: string };

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

// ---- Campaigns, the schedule and output (the studio's plan views) ----------------------------

/** A block of an answer: a paragraph, or a bullet list (data/schema's AnswerBlock). */
export type PlanAnswerBlock = string | { list: string[] };

/** A post of a campaign's schedule, as its file has it. */
export interface PlanPost {
  /** Its place in the campaign file's `posts`. */
  index: number;
  /** `<campaign>/<date>-<party>`: its folder in out/, as StatePost's id. */
  id: string;
  date: string;
  interview: string;
  qa: string[];
  highlight?: string;
}

/** A campaign as its file has it, with the file's version for a save to name. */
export interface PlanCampaign {
  id: string;
  /** Inside the data folder, as a write names it: `campaigns/<name>.yaml`. */
  file: string;
  /** The content hash of the file as read: a save names it, so a file changed since is seen. */
  version: string;
  title: string;
  subtitle?: string;
  marker: string;
  theme: string;
  format: PostFormat;
  time: string;
  hashtags: string[];
  /** In the file's order. */
  posts: PlanPost[];
}

/** An interview with every answer whole: the schedule picks Q&As and a passage of them. */
export interface PlanInterview {
  id: string;
  campaign: string;
  party: string;
  name: string;
  role: string;
  publishedOn: string;
  qa: { id: string; question: string; answer: PlanAnswerBlock[] }[];
}

/** GET /api/plan: the campaigns as their files say, for the campaign and schedule views. */
export interface PlanState {
  /** The themes of brand.yaml, `default` first. */
  themes: string[];
  /** Hashtags a post may carry (Instagram's limit). */
  maxHashtags: number;
  /** Every campaign file that reads, by id. */
  campaigns: PlanCampaign[];
  /** Every interview file that reads, by id. */
  interviews: PlanInterview[];
  /** What is wrong with the data as it is now, if anything. */
  problems: Problem[];
}

/** A campaign's fields as the page edits them; an empty subtitle is none. */
export interface CampaignFields {
  title: string;
  subtitle: string;
  marker: string;
  theme: string;
  format: PostFormat;
  time: string;
  hashtags: string[];
}

/** POST /api/plan/campaigns: a new campaign, its id the slug of its title. */
export interface NewCampaignRequest {
  fields: CampaignFields;
}

/** POST /api/plan/campaigns/<id>: the fields of a campaign, saved over the version read. */
export interface CampaignEditRequest {
  baseVersion: string;
  fields: CampaignFields;
}

/**
 * POST /api/plan/campaigns/<id>/schedule: an interview's post placed (a date, the Q&As in
 * order, perhaps a highlight), or (`post: null`) taken off the schedule.
 */
export interface ScheduleRequest {
  baseVersion: string;
  interview: string;
  post: { date: string; qa: string[]; highlight?: string } | null;
}

/**
 * What a save answers: the file's new version, or why nothing was written: the data would not
 * load (`invalid`, with every problem), or the file changed on disk since the page read it
 * (`conflict`, with the file as it is now and as the page would have written it).
 */
export type PlanSaveReply =
  | { ok: true; id: string; file: string; version: string }
  | { ok: false; reason: 'invalid'; problem: Problem }
  | { ok: false; reason: 'conflict'; file: string; current: string; yours: string }
  | { ok: false; reason: 'exists'; id: string; file: string }
  | { ok: false; reason: 'refused'; problem: Problem };

/** A party's post in the fairness view: its questions in order and its slides. */
export interface FairnessParty {
  party: string;
  interview: string;
  date: string;
  /** Its Q&A ids in order. */
  qa: string[];
  /** null: the post cannot be laid out (too many slides, a glyph); `problem` says why. */
  slides: number | null;
  problem?: string;
}

/** One question, as asked of the parties: the cell of each party (by column), or null. */
export interface FairnessQuestion {
  /** The question with the party's name set aside (`‹parti›`), as most parties were asked it. */
  text: string;
  cells: ({ qa: string; question: string; isReworded: boolean } | null)[];
}

/** Something that makes one party's post unlike the others'. */
export type FairnessFlag =
  /** A party was not asked a question the others were (by row). */
  | { kind: 'missing'; party: string; question: number }
  /** A party was asked a question no other party was. */
  | { kind: 'other'; party: string; question: number }
  /** A party has fewer questions than the most any party has. */
  | { kind: 'fewer'; party: string; count: number; most: number }
  /** A party has the same questions, in another order. */
  | { kind: 'order'; party: string }
  /** An interview of the campaign that is not scheduled. */
  | { kind: 'unscheduled'; party: string; interview: string }
  /** The posts do not share one format or theme. */
  | { kind: 'format' | 'theme'; values: { value: string; parties: string[] }[] };

export interface FairnessCampaign {
  campaign: string;
  title: string;
  marker: string;
  /** The columns: each scheduled post, in schedule order. */
  parties: FairnessParty[];
  questions: FairnessQuestion[];
  flags: FairnessFlag[];
}

/** GET /api/plan/fairness: each campaign's questions and slides, party by party. */
export interface FairnessReply {
  campaigns: FairnessCampaign[];
  /** Why there is nothing to compare: the data does not load. */
  problem?: Problem;
}

/** Where a post stands on Instagram (publish/publish-status.ts's PublishStatus). */
export type PostPublishStatus =
  | { state: 'published'; mediaId?: string; permalink?: string; publishedAt?: string }
  | { state: 'failed'; error: string; hint?: string; at: string; isFinal: boolean }
  | { state: 'due'; publishAt: string; progress?: 'creating' | 'publishing' }
  | { state: 'scheduled'; publishAt: string };

/**
 * A post's folder in out/: `current` (whole, from the data as it is now), `outdated` (whole, from
 * other data or options), `broken` (a file changed or missing, or a build interrupted), `missing`.
 */
export type BuildState = 'current' | 'outdated' | 'broken' | 'missing';

export interface OutputPost {
  id: string;
  campaign: string;
  /** `<date>-<party>`. */
  folder: string;
  interview: string;
  party: string;
  name: string;
  date: string;
  publishAt: string;
  /** The caption as a build writes it, to copy. */
  caption: string;
  build: BuildState;
  /** Slides in the folder, when it is whole. */
  slides?: number;
  /** Undefined when the publish ledger cannot be read (`statusProblem` says why). */
  status?: PostPublishStatus;
}

export interface OutputCampaign {
  id: string;
  title: string;
  marker: string;
  posts: OutputPost[];
  /** The campaign's own files in out/ that excerpt wrote and are whole, by name. */
  files: string[];
}

/** GET /api/plan/output: what is built, and where each post stands on Instagram. */
export interface OutputState {
  /** The output folder, as the studio was told it. */
  outDir: string;
  campaigns: OutputCampaign[];
  problem?: Problem;
  statusProblem?: Problem;
}

/** POST /api/plan/builds: a campaign, or one post of it, to build. */
export interface BuildRequest {
  campaign: string;
  /** A post's id (`<campaign>/<date>-<party>`); all of the campaign's when absent. */
  post?: string;
}

/** Its answer: where to follow the build. */
export interface BuildStarted {
  id: string;
}

/** An event of GET /api/plan/builds/<id> (server-sent, `event: build`). */
export type BuildProgress =
  | { type: 'started'; campaign: string; post?: string }
  | { type: 'waiting' }
  | { type: 'planned'; posts: number; toRender: number; slides: number }
  | { type: 'post'; folder: string; status: 'rendered' | 'unchanged'; slides: number }
  | { type: 'campaign'; status: 'written' | 'unchanged' }
  | { type: 'done'; rendered: number; unchanged: number; slides: number; ms: number }
  | { type: 'failed'; problem: Problem };
