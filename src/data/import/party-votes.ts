import { indexDiffering } from './differing.js';

/** The most words a party's name may have. */
const MAX_PARTY_WORDS = 4;
/** Questions must share at least this many tokens around the difference to be compared. */
const MIN_SHARED_TOKENS = 3;

function tokenise(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}]+(?:['’:-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu) ?? [];
}

function isCapitalised(token: string): boolean {
  return /^\p{Lu}/u.test(token);
}

/**
 * The votes for each interview's party, in the order they came: every interview of a campaign
 * gets the same questions with its own party's name in them ("Hur arbetar Centerpartiet för …",
 * "… hos Drevvikenpartiet …"). Comparing two interviews' questions token by token, what differs
 * between an otherwise equal pair, when it is capitalised words on both sides, is a vote for each
 * one's party. Each such pair of questions of two interviews of a campaign votes once, and the
 * names come in the order of their first vote when the pairs are taken in page order.
 *
 * The pairs are not compared one by one (1,000 interviews make half a million pairs): two
 * questions differ in just a name only where they share all the words around it, so each
 * question's possible name slots are grouped by those words, and the votes and their order are
 * counted within each group (nameSlots, indexDiffering).
 *
 * `campaigns[i]` is the campaign of interview i, `questions[i]` its marked questions.
 */
export function countVotes(campaigns: string[], questions: string[][]): Map<string, number>[] {
  const groups = new Map<string, Slot[]>();
  campaigns.forEach((campaign, sectionIndex) => {
    (questions[sectionIndex] ?? []).forEach((question, questionIndex) => {
      for (const slot of nameSlots(tokenise(question))) {
        const key = `${campaign}\n${slot.around}`;
        const group = groups.get(key) ?? [];
        groups.set(key, group);
        const { name, first, last } = slot;
        group.push({ name, first, last, section: sectionIndex, question: questionIndex });
      }
    });
  });

  const votes = campaigns.map(() => new Map<string, Vote>());
  for (const group of groups.values()) {
    // A pair votes here when its names differ at both ends: sharing the first or the last word,
    // the two questions share more than these words around the names, and vote in another group.
    const differing = indexDiffering(group, [
      (slot) => slot.section,
      (slot) => slot.first,
      (slot) => slot.last,
    ]);
    group.forEach((slot, position) => {
      const partner = differing.first(position);
      if (partner === undefined) return;
      const sectionVotes = votes[slot.section] as Map<string, Vote>;
      const earlier = sectionVotes.get(slot.name);
      const when = voteTime(slot, partner);
      sectionVotes.set(slot.name, {
        count: (earlier?.count ?? 0) + differing.count(position),
        when: earlier === undefined || isBefore(when, earlier.when) ? when : earlier.when,
      });
    });
  }

  return votes.map(
    (sectionVotes) =>
      new Map(
        [...sectionVotes]
          .sort(([, a], [, b]) => (isBefore(a.when, b.when) ? -1 : 1))
          .map(([name, vote]) => [name, vote.count]),
      ),
  );
}

/** Where a question may name a party: 1–4 capitalised words, and the words before and after. */
interface NameSlot {
  /** The words before and after, as one text: equal for two slots when their words are. */
  around: string;
  name: string;
  first: string;
  last: string;
}

/** A name slot of one question of one interview. */
interface Slot {
  name: string;
  first: string;
  last: string;
  section: number;
  question: number;
}

interface Vote {
  count: number;
  /** When the first vote came, comparing pairs in page order (see voteTime). */
  when: number[];
}

/**
 * Every run of 1 to MAX_PARTY_WORDS capitalised tokens with at least MIN_SHARED_TOKENS tokens
 * around it. Two questions' tokens differ in just a name, with capitalised words on both sides
 * (what comparing them token by token finds: the longest common beginning and end, and what is
 * left in the middle), exactly when they have slots with the same words before and after whose
 * names differ in their first and their last word.
 */
function nameSlots(tokens: string[]): NameSlot[] {
  // The words around a slot are sliced from the tokens joined once. Tokens hold no whitespace, so
  // spaces between them and a newline for the slot keep any two different sequences apart.
  const joined = tokens.join(' ');
  const offsets = [0];
  for (const token of tokens) offsets.push((offsets.at(-1) as number) + token.length + 1);
  const slots: NameSlot[] = [];
  for (let start = 0; start < tokens.length; start += 1) {
    for (let end = start + 1; end <= start + MAX_PARTY_WORDS && end <= tokens.length; end += 1) {
      if (!isCapitalised(tokens[end - 1] as string)) break;
      if (start + tokens.length - end < MIN_SHARED_TOKENS) continue;
      const words = tokens.slice(start, end);
      slots.push({
        around: `${joined.slice(0, offsets[start])}\n${joined.slice(offsets[end])}`,
        name: words.join(' '),
        first: words[0] as string,
        last: words.at(-1) as string,
      });
    }
  }
  return slots;
}

/**
 * When a pair's vote would come if every pair of interviews were compared in page order (each
 * interview with those after it, question by question): by the other interview, then by the
 * earlier interview's question, then the later's. The order only matters to break a tie.
 */
function voteTime(slot: Slot, partner: Slot): number[] {
  return partner.section < slot.section
    ? [partner.section, partner.question, slot.question]
    : [partner.section, slot.question, partner.question];
}

function isBefore(a: number[], b: number[]): boolean {
  const index = a.findIndex((value, position) => value !== b[position]);
  return index >= 0 && (a[index] as number) < (b[index] as number);
}
