/** The preview's own exchange: its state, a drawn post, the event stream (see page-protocol.ts). */

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
  /** The message and hint in Swedish, when the problem has them (the page's language). */
  sv?: { message: string; hint?: string };
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
  /** Which start of the studio answers: a page of an earlier start holds a token no longer taken. */
  started: string;
}

/** A `change` event: the page fetches the state again. */
export interface ChangeEvent {
  version: number;
  /** `watching`: a folder is no longer followed. */
  what: 'data' | 'templates' | 'watching';
}
