import type { Fail } from './lines.js';
import { partyFinder } from './party-name.js';
import { countVotes } from './party-votes.js';
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

/**
 * Each interview's party: the name its questions were most often voted to have (countVotes); a
 * tie goes to the name voted for first. Without votes (a campaign of one interview): a known
 * party named in its questions, or the capitalised words after "arbetar", "hos", "har" or "ser".
 */
export function deriveParties(sections: Section[], questions: string[][], fail: Fail): string[] {
  const votes = countVotes(
    sections.map((section) => section.campaignId),
    questions,
  );
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
        {
          message: 'Det går inte att se vilket parti intervjun är med.',
          hint: 'Partiet hittas i frågorna: nämn det i någon av dem, till exempel ”Hur arbetar Centerpartiet för …?”',
        },
      );
    }
    return party;
  });
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
    const find = partyFinder(party);
    const count = questions.filter((question) => find(question).length > 0).length;
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
