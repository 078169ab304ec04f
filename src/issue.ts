/**
 * What kind of problem an issue is: PRODUCT.md's codes for `excerpt check`, `fairness` for posts
 * of one campaign that would not look alike, and `syntax` for a file YAML cannot read as written
 * (check reports it as `schema`: PRODUCT.md's codes have no `syntax`).
 */
export type IssueCode =
  | 'syntax'
  | 'schema'
  | 'reference'
  | 'glyph'
  | 'fit'
  | 'contrast'
  | 'limit'
  | 'spelling'
  | 'fairness';

/** An error stops a build (and makes `check` exit 2); a warning does not. */
export type Severity = 'error' | 'warning';

/**
 * What a problem says in Swedish, for the studio, whose language is Swedish: the terminal and
 * `check --json` say `message` and `hint`, in English, as they always have. The words that
 * make sense after the field: `saknas`.
 */
export interface InSwedish {
  message: string;
  hint?: string;
}

/** A text in the terminal's English and the studio's Swedish. */
export interface Said {
  en: string;
  sv: string;
}

/** An issue's message and hint from texts in both languages: English, and `sv` for the studio. */
export function inBothLanguages(
  message: Said,
  hint?: Said,
): Pick<Issue, 'message' | 'hint'> & { sv: InSwedish } {
  return {
    message: message.en,
    ...(hint === undefined ? {} : { hint: hint.en }),
    sv: { message: message.sv, ...(hint === undefined ? {} : { hint: hint.sv }) },
  };
}

/** A field inside a data file: `['qa', 2, 'question']` is written `qa[2].question`. */
export type FieldPath = readonly (string | number)[];

/**
 * One problem found in one place: the loader, the reference checks, the checks of `excerpt
 * check` and the renderer all report this, and it travels as it is to the terminal, `check
 * --json` and the preview page, which alone turn it into text.
 */
export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** What is wrong, in words that make sense after the field: `is missing`. */
  message: string;
  /** What would fix it. */
  hint?: string;
  /** The file at fault, as the data folder was given (`data/interviews/x/y.yaml`). */
  file?: string;
  /** The field at fault; `[]` for the file as a whole, or a place no field names. */
  path: FieldPath;
  /** Where it is written: 1-based line and column in the file, when known. */
  line?: number;
  column?: number;
  /** The word or character in question (spelling, glyphs). */
  word?: string;
  /** What a misspelt word may have meant, best first (spelling). */
  suggestions?: string[];
  /** The id of the Q&A the field belongs to, e.g. `q3`. */
  qa?: string;
  /**
   * The message and hint in Swedish. Every problem the loader, the importer, the layout and
   * the checks of `excerpt check` find has it, but spelling (the studio words it itself).
   */
  sv?: InSwedish;
}

/**
 * Writes a field path as the communicator sees it in the file: `qa[2].question`,
 * `posts[0].qa[1]`; a key that is not a plain word is quoted: `themes["my theme"]`.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && /^[\p{L}_][\p{L}\p{N}_-]*$/u.test(segment)) {
      text += text === '' ? segment : `.${segment}`;
    } else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

/** A message and where it applies, each part optional but the message. */
export interface Located {
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
  /** The field, already written out (formatPath). */
  where?: string | undefined;
  message: string;
}

/**
 * The one way a located message is written on a line: `data/x.yaml:3:14: qa[0].answer[2]:
 * message`, leaving out what is unknown, the position after the file as editors and terminals
 * expect.
 */
export function formatLocated({ file, line, column, where, message }: Located): string {
  let place = file ?? '';
  if (place !== '' && line !== undefined) {
    place += `:${String(line)}${column === undefined ? '' : `:${String(column)}`}`;
  }
  return [place, where ?? '', message].filter((part) => part !== '').join(': ');
}

/**
 * An issue as one line of text. A field path says where on its own: `file: where: message`. A
 * problem without one (a YAML syntax error) is only findable by its position, which then goes
 * after the file: `data/x.yaml:3:14: message`; and a syntax problem gets both, as a stray `#` or
 * `*` is a character on a line: `data/x.yaml:3:14: qa[0].answer[2]: message`.
 */
export function formatIssue(issue: Issue): string {
  const where = formatPath(issue.path);
  const showsPosition = where === '' || issue.code === 'syntax';
  return formatLocated({
    file: issue.file,
    ...(showsPosition ? { line: issue.line, column: issue.column ?? 1 } : {}),
    where,
    message: issue.message,
  });
}

/** The head above a list of the data's problems: `The data has 3 problems`. */
export function describeProblemCount(count: number): string {
  return count === 1 ? 'The data has a problem' : `The data has ${count} problems`;
}
