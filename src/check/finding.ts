/** What kind of problem a finding is (PRODUCT.md, `excerpt check`). */
export type FindingCode =
  'schema' | 'reference' | 'glyph' | 'fit' | 'contrast' | 'limit' | 'spelling';

/**
 * One problem found by `excerpt check`. PRODUCT.md fixes `{code, message, file?, where?,
 * word?}`; `hint`, `line` and `column` are additions that say what would fix it and where it is
 * written, when known.
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
  hint?: string;
  /** 1-based line in the file. */
  line?: number;
  /** 1-based column in the file. */
  column?: number;
}

/** What a set of checks found: errors stop a build, warnings do not. */
export interface CheckResult {
  errors: Finding[];
  warnings: Finding[];
}
