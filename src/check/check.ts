import type { Dataset, ParsedData } from '../data/load.js';
import type { TemplateSet } from '../slide/template-set.js';
import type { CheckResult } from './finding.js';

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
