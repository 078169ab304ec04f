/**
 * When two parties were asked the same question: the one rule `excerpt check`'s fairness
 * warning and the studio's fairness view both use, so that they never disagree. Questions are
 * compared as text, not by id (Liberalerna's q5 is the others' q6), with the party's own name
 * set aside ("Hur arbetar Centerpartiet…" and "Hur arbetar Moderaterna…" are one question),
 * and one word may be worded otherwise ("ser du"/"ser ni", "förslag i"/"förslag hos"), which
 * interviews transcribed from a website are full of.
 */

/** What stands for a party's own name in a question, where the name is set aside. */
export const partyMark = '‹parti›';

/** The question with the party's name (and its genitive, `Centerpartiets`) as ‹parti›. */
export function setPartyAside(question: string, party: string): string {
  const name = party.trim();
  if (name === '') return question;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return question.replace(
    new RegExp(`(?<![\\p{L}\\p{N}])${escaped}s?(?![\\p{L}\\p{N}])`, 'giu'),
    partyMark,
  );
}

/** A question's words as compared: the party's name aside, lower case, no punctuation. */
export function questionWords(question: string, party: string): string[] {
  return setPartyAside(question, party)
    .toLocaleLowerCase('sv')
    .split(/[^\p{L}\p{N}‹›]+/u)
    .filter((word) => word !== '');
}

/**
 * The same question: the same words, or one of them worded otherwise (replaced, added or left
 * out) in a question of at least six words.
 */
export function isSameQuestion(a: readonly string[], b: readonly string[]): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  // What differs once the shared start and end are taken away: at most one word on each side.
  const differing = Math.max(endA - start, endB - start);
  return differing === 0 || (differing === 1 && Math.min(a.length, b.length) >= 6);
}
