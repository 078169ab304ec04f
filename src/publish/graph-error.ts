/**
 * What the Graph API's errors mean for a run (FACTS.md, "Instagram Graph API: publishing").
 * Every error body carries `code`, often `error_subcode` and `is_transient`; the class decides
 * what happens next:
 * - transient: retried with backoff (1, 2, 4, 17, 32, 613, 80002, 2207001, 2207003, a 429, or
 *   `is_transient`);
 * - quota: the run stops and says when to run again (9, 2207042);
 * - token: the run stops at once, nothing more is attempted (190);
 * - permission: the token lacks a permission the call needs (10, 200–299): stops like a token;
 * - not-ready: published before the container was FINISHED (9007, 2207027): wait and read again;
 * - expired: the container is older than 24 hours (2207020): make new ones;
 * - input: the post itself is refused (2207004, 2207005, 36003/2207009, 2207010, 2207028, 100);
 * - other: anything else, a failure of the post.
 */
export type GraphErrorKind =
  'transient' | 'quota' | 'token' | 'permission' | 'not-ready' | 'expired' | 'input' | 'other';

/** What an error body says, as numbers. */
export interface GraphErrorFacts {
  /** The HTTP status. */
  status: number;
  code: number | undefined;
  subcode: number | undefined;
  isTransient: boolean;
}

/** Passing failures, the rate limits among them: 4 app, 17 user, 32 page, 613 custom, 80002 Instagram's. */
const transientCodes = new Set([1, 2, 4, 17, 32, 613, 80002]);
const transientSubcodes = new Set([2207001, 2207003]);

/** Subcodes (and codes) for a post Instagram refuses, with what would fix it. */
const inputHints: ReadonlyMap<number, string> = new Map([
  [2207004, 'a slide is over 8 MB: build the post again (excerpt writes JPEGs far smaller)'],
  [2207005, 'Instagram takes JPEG only: build with --image jpeg (the default)'],
  [
    2207009,
    'a slide is not 4:5 to 1.91:1: use the square or portrait format for the campaign, and build again',
  ],
  [
    36003,
    'a slide is not 4:5 to 1.91:1: use the square or portrait format for the campaign, and build again',
  ],
  [
    2207010,
    'the caption is too long or has too many hashtags: excerpt check says which, then build again',
  ],
  [2207028, 'a carousel takes 2–10 slides: choose other Q&As, and build again'],
]);

/** Which kind of error an error body is. */
export function classifyGraphError(facts: GraphErrorFacts): GraphErrorKind {
  const { code, subcode } = facts;
  if (code === 190) return 'token';
  if (code === 9 || subcode === 2207042) return 'quota';
  if (code === 9007 || subcode === 2207027) return 'not-ready';
  if (subcode === 2207020) return 'expired';
  if (
    facts.isTransient ||
    (code !== undefined && transientCodes.has(code)) ||
    (subcode !== undefined && transientSubcodes.has(subcode))
  ) {
    return 'transient';
  }
  if (code === 10 || (code !== undefined && code >= 200 && code <= 299)) return 'permission';
  if (
    (subcode !== undefined && inputHints.has(subcode)) ||
    (code !== undefined && inputHints.has(code)) ||
    code === 100
  ) {
    return 'input';
  }
  // A server error without a code is Meta's trouble, not the post's; a 429, too many requests.
  if (code === undefined && (facts.status >= 500 || facts.status === 429)) return 'transient';
  return 'other';
}

/** What would fix a post Instagram refused, when the error says. */
export function hintOfInputError(facts: Pick<GraphErrorFacts, 'code' | 'subcode'>): string {
  const known =
    (facts.subcode === undefined ? undefined : inputHints.get(facts.subcode)) ??
    (facts.code === undefined ? undefined : inputHints.get(facts.code));
  return (
    known ??
    'excerpt check and excerpt build say what to change; the post is tried again once it is built anew, or with --only <its date>'
  );
}

/** What a token error's subcode says, in words (Meta's access-token subcodes). */
export function describeTokenProblem(subcode: number | undefined): string {
  switch (subcode) {
    case 463:
      return 'the access token has expired';
    case 460:
      return 'the access token was invalidated (the account’s password was changed)';
    case 458:
    case 459:
      return 'the access token is no longer valid (the app was removed or the account needs a login)';
    case 464:
    case 467:
      return 'the access token is not valid';
    default:
      return 'the access token has expired or is wrong';
  }
}
