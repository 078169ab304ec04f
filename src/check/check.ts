import type { Dataset, ParsedData } from '../data/load.js';
import type { CheckResult } from './finding.js';

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
      run(dataset: Dataset): CheckResult | Promise<CheckResult>;
    };
