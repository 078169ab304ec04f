import type { Format } from '../data/schema.js';

/**
 * What kind of problem a finding is: PRODUCT.md's codes for `excerpt check`, and `fairness`
 * for posts of one campaign that would not look alike (another format or theme).
 */
export type FindingCode =
  'schema' | 'reference' | 'glyph' | 'fit' | 'contrast' | 'limit' | 'spelling' | 'fairness';

/**
 * One problem found by `excerpt check`. PRODUCT.md fixes `{code, message, file?, where?,
 * word?}`; `qa`, `hint`, `line` and `column` are additions that say which Q&A, what would fix
 * it and where it is written, when known.
 */
export interface Finding {
  code: FindingCode;
  message: string;
  /** The data file, as the data folder was given (e.g. `data/interviews/x/y.yaml`). */
  file?: string;
  /** The field inside the file, e.g. `qa[2].answer[0]`. */
  where?: string;
  /** The word or character in question (spelling, glyphs). */
  word?: string;
  /** The id of the Q&A the field belongs to, e.g. `q3`. */
  qa?: string;
  hint?: string;
  /** 1-based line in the file. */
  line?: number;
  /** 1-based column in the file. */
  column?: number;
}

/** One scheduled post of a campaign, and how many slides it has. */
export interface PostSlides {
  date: string;
  party: string;
  interview: string;
  qa: string[];
  /** Null when the post could not be laid out (a fit or glyph error says why). */
  slides: number | null;
}

/** How the parties of one campaign are shown: the same format and theme, and slide counts. */
export interface CampaignFairness {
  campaign: string;
  title: string;
  /** Every format and theme the campaign's posts use: one each when all look alike. */
  formats: Format[];
  themes: string[];
  posts: PostSlides[];
}

/** What a set of checks found: errors stop a build, warnings do not. */
export interface CheckResult {
  errors: Finding[];
  warnings: Finding[];
  /** Slides per party, per campaign (from the check that lays out the scheduled posts). */
  fairness?: CampaignFairness[];
}
