import type { Dataset, ParsedData } from '../data/load.js';
import type { Format } from '../data/schema.js';
import type { Issue } from '../issue.js';
import type { TemplateSet } from '../slide/template-set.js';

/** What the checks that lay posts out need besides the data: the templates they draw with. */
export interface CheckContext {
  templates: TemplateSet;
}

/**
 * A check `excerpt check` runs: it returns its findings and prints nothing. One that `needs`
 * `files` looks at each file that passed its schema, so it also runs on a folder with problems
 * elsewhere (spelling and glyphs in a fresh import without brand.yaml); one that needs the
 * `dataset` runs once schema and references pass, as it walks posts to interviews to Q&As.
 */
export type Check =
  | {
      name: string;
      needs: 'files';
      run(data: ParsedData): CheckResult | Promise<CheckResult>;
    }
  | {
      name: string;
      needs: 'dataset';
      run(dataset: Dataset, context: CheckContext): CheckResult | Promise<CheckResult>;
    };

/** What a check found: issues, each an error (stops a build) or a warning (does not). */
export interface CheckResult {
  issues: Issue[];
  /** Slides per party, per campaign (from the check that lays out the scheduled posts). */
  fairness?: CampaignFairness[];
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
