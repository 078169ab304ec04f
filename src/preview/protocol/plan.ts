import type { PostFormat, Problem } from './preview.js';

/** The studio's plan views: campaigns, the schedule, fairness, output (see page-protocol.ts). */

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

/** The organisation's own fields of brand.yaml, as the page edits them. */
export interface BrandFields {
  organisation: string;
  handle: string;
  website: string;
  interviewsUrl: string;
  email: string;
  contactLine: string;
}

/** GET /api/plan/brand: the brand file's fields and version; null when there is none yet. */
export interface BrandState {
  file: string;
  version: string | null;
  fields: BrandFields | null;
}

/** POST /api/plan/brand: the fields, saved over the version read (null: a new brand.yaml). */
export interface BrandEditRequest {
  baseVersion: string | null;
  fields: BrandFields;
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
  | { ok: false; reason: 'refused'; problem: Problem }
  /** The server failed (a disk that refused, a bug): a 500, nothing written. */
  | { ok: false; reason: 'failed'; problem: Problem };

/** A party's post in the fairness view: its questions in order and its slides. */
export interface FairnessParty {
  party: string;
  interview: string;
  date: string;
  /** Its Q&A ids in order. */
  qa: string[];
  /** null: the post cannot be laid out (too many slides, a glyph); `problem` says why. */
  slides: number | null;
  /** Why, in English, and in Swedish when the problem has the words. */
  problem?: { message: string; sv?: { message: string } };
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
  /** A party has fewer questions than most parties have (`most`; on a tie, the larger count). */
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
  | { state: 'scheduled'; publishAt: string }
  /** Over a day late and never begun: `publish --due` leaves it. */
  | { state: 'missed'; publishAt: string };

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
