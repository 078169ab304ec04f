import type { Fail } from './lines.js';
import type { Section } from './sections.js';
import { mostCommon } from './tally.js';

/**
 * Only a help when a campaign has a single interview and the party cannot be derived by
 * comparing questions across interviews.
 */
const KNOWN_PARTIES = [
  'Socialdemokraterna',
  'Moderaterna',
  'Sverigedemokraterna',
  'Centerpartiet',
  'Vänsterpartiet',
  'Kristdemokraterna',
  'Liberalerna',
  'Miljöpartiet',
];

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
 * Each interview's party, from its marked questions. Every interview of a campaign gets the same
 * questions with its own party's name in them ("Hur arbetar Centerpartiet för …", "… hos
 * Drevvikenpartiet …"). Comparing two interviews' questions token by token, what differs between
 * an otherwise equal pair, when it is capitalised words on both sides, is each one's party. The
 * votes over all pairs decide.
 */
export function deriveParties(sections: Section[], questions: string[][], fail: Fail): string[] {
  const votes = sections.map(() => new Map<string, number>());
  const tokens = questions.map((list) => list.map(tokenise));

  sections.forEach((section, a) => {
    sections.forEach((other, b) => {
      if (b <= a || other.campaignId !== section.campaignId) return;
      for (const left of tokens[a] ?? []) {
        for (const right of tokens[b] ?? []) {
          const difference = differingWords(left, right);
          if (difference === undefined) continue;
          const [leftName, rightName] = difference;
          votes[a]?.set(leftName, (votes[a]?.get(leftName) ?? 0) + 1);
          votes[b]?.set(rightName, (votes[b]?.get(rightName) ?? 0) + 1);
        }
      }
    });
  });

  return sections.map((section, index) => {
    const sectionVotes = mergeGenitives(votes[index] ?? new Map<string, number>());
    const party =
      mostCommon(sectionVotes) ??
      findKnownParty(questions[index] ?? []) ??
      findPartyByPattern(questions[index] ?? []);
    if (party === undefined) {
      fail(
        section.intro.number,
        'cannot tell which party this interview is with',
        'the party is read from the questions: name it in one, e.g. "Hur arbetar Centerpartiet för …?"',
      );
    }
    return party as string;
  });
}

/** The capitalised words where two otherwise equal questions differ, when that is all they differ in. */
function differingWords(left: string[], right: string[]): [string, string] | undefined {
  const shortest = Math.min(left.length, right.length);
  let prefix = 0;
  while (prefix < shortest && left[prefix] === right[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    left[left.length - 1 - suffix] === right[right.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  if (prefix + suffix < MIN_SHARED_TOKENS) return undefined;
  const leftMiddle = left.slice(prefix, left.length - suffix);
  const rightMiddle = right.slice(prefix, right.length - suffix);
  const isName = (middle: string[]): boolean =>
    middle.length >= 1 && middle.length <= MAX_PARTY_WORDS && middle.every(isCapitalised);
  if (!isName(leftMiddle) || !isName(rightMiddle)) return undefined;
  return [leftMiddle.join(' '), rightMiddle.join(' ')];
}

/** "Centerpartiets" counts for "Centerpartiet" when both were found. */
function mergeGenitives(votes: Map<string, number>): Map<string, number> {
  const merged = new Map(votes);
  for (const [name, count] of votes) {
    const stem = name.slice(0, -1);
    if (name.endsWith('s') && merged.has(stem)) {
      merged.set(stem, (merged.get(stem) ?? 0) + count);
      merged.delete(name);
    }
  }
  return merged;
}

function findKnownParty(questions: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const party of KNOWN_PARTIES) {
    const count = questions.filter((question) => partyPattern(party).test(question)).length;
    if (count > 0) counts.set(party, count);
  }
  return mostCommon(counts);
}

/** The capitalised words after "arbetar", "hos", "har" or "ser", as in the usual questions. */
function findPartyByPattern(questions: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const question of questions) {
    const match =
      /(?:arbetar|hos|[Hh]ar|ser)\s+(\p{Lu}[\p{L}\p{M}-]*(?:\s+\p{Lu}[\p{L}\p{M}-]*)*)/u.exec(
        question,
      );
    if (match?.[1] !== undefined) counts.set(match[1], (counts.get(match[1]) ?? 0) + 1);
  }
  return mostCommon(counts);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** The party's name as a whole word (or its genitive), any whitespace between its words. */
export function partyPattern(party: string): RegExp {
  const words = party.split(/\s+/u).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?=s?(?![\\p{L}\\p{N}]))`, 'gu');
}
