import type { ScheduledPost } from '../../check/scheduled-posts.js';
import type { Dataset } from '../../data/load.js';
import { comparePosts } from '../../render/post-spec.js';
import type {
  FairnessCampaign,
  FairnessFlag,
  FairnessParty,
  FairnessQuestion,
} from '../page-protocol.js';

/**
 * Every party of a campaign should be asked the same questions (PRODUCT.md: no one looks
 * favoured). The questions are compared as text, not by id (Liberalerna's q5 is the others'
 * q6), with the party's own name set aside: "Hur arbetar Centerpartiet …" and "Hur arbetar
 * Moderaterna …" are one question. Wording that differs in a word or two ("i Centerpartiet" for
 * "hos Liberalerna") is still the same question, shown as reworded.
 */

/** What stands for a party's own name in a question, where the name is set aside. */
export const partyMark = '‹parti›';

/** Questions at least this alike, word by word, are one question asked in other words. */
const sameQuestion = 0.75;

/** Each campaign's questions and slides, party by party, with what makes a party's unlike. */
export function assessQuestions(
  dataset: Dataset,
  planned: readonly ScheduledPost[],
): FairnessCampaign[] {
  return dataset.campaigns.map((campaign) => {
    const posts = planned
      .filter((post) => post.campaign.id === campaign.id)
      .sort((a, b) => comparePosts(a.spec, b.spec));
    const parties = posts.map((post): FairnessParty => ({
      party: post.spec.interview.party,
      interview: post.spec.interview.id,
      date: post.spec.date,
      qa: [...post.spec.qaIds],
      slides: post.layout?.slides ?? null,
      ...(post.problem === undefined ? {} : { problem: post.problem.message }),
    }));
    const questions = tableOf(posts);
    const scheduled = new Set(campaign.posts.map((post) => post.interview));
    const unscheduled = dataset.interviews
      .filter((interview) => interview.campaign === campaign.id && !scheduled.has(interview.id))
      .map((interview): FairnessFlag => ({
        kind: 'unscheduled',
        party: interview.party,
        interview: interview.id,
      }));
    return {
      campaign: campaign.id,
      title: campaign.title,
      marker: campaign.marker,
      parties,
      questions,
      flags: [
        ...flagsOf(parties, questions),
        ...unscheduled,
        ...lookFlags(posts, 'format', (post) => post.spec.format),
        ...lookFlags(posts, 'theme', (post) => post.spec.themeName),
      ],
    };
  });
}

/** A question as compared: the party's name aside, one kind of quote, words only, lower case. */
export function comparableWords(question: string, party: string): string[] {
  return setPartyAside(question, party)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}‹›\s]+/gu, ' ')
    .split(/\s+/)
    .filter((word) => word !== '');
}

/** The question with the party's name (and its genitive, `Centerpartiets`) as ‹parti›. */
export function setPartyAside(question: string, party: string): string {
  const name = party.trim();
  if (name === '') return question;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return question.replace(new RegExp(`${escaped}s?(?![\\p{L}\\p{N}])`, 'giu'), partyMark);
}

/** How alike two questions are, 0 to 1: one less the word edits over the longer's length. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - wordDistance(a, b) / longest;
}

function wordDistance(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = row;
  }
  return previous[b.length]!;
}

interface Row {
  /** Each variant's words, with its text as shown and how many parties were asked it so. */
  variants: { words: string[]; text: string; count: number }[];
  cells: FairnessQuestion['cells'];
}

/** The table: one row per question, one cell per post (the Q&A asked, or null). */
function tableOf(posts: readonly ScheduledPost[]): FairnessQuestion[] {
  const rows: Row[] = [];
  posts.forEach((post, column) => {
    const { interview } = post.spec;
    const used = new Set<Row>();
    for (const id of post.spec.qaIds) {
      const qa = interview.qa.find((candidate) => candidate.id === id);
      if (qa === undefined) continue;
      const words = comparableWords(qa.question, interview.party);
      let best: { row: Row; score: number } | undefined;
      for (const row of rows) {
        if (used.has(row)) continue;
        const score = Math.max(...row.variants.map((variant) => similarity(words, variant.words)));
        if (score >= sameQuestion && (best === undefined || score > best.score)) {
          best = { row, score };
        }
      }
      const row = best?.row ?? { variants: [], cells: posts.map(() => null) };
      if (best === undefined) rows.push(row);
      used.add(row);
      const text = setPartyAside(qa.question, interview.party);
      const variant = row.variants.find((known) => known.words.join(' ') === words.join(' '));
      if (variant === undefined) row.variants.push({ words, text, count: 1 });
      else variant.count++;
      row.cells[column] = { qa: qa.id, question: qa.question, isReworded: false };
    }
  });
  return rows.map((row) => {
    // The wording most parties were asked is the question; the others are rewordings of it.
    const main = row.variants.reduce((a, b) => (b.count > a.count ? b : a));
    const cells = row.cells.map((cell, column) => {
      if (cell === null) return null;
      const post = posts[column]!;
      const words = comparableWords(cell.question, post.spec.interview.party).join(' ');
      return { ...cell, isReworded: words !== main.words.join(' ') };
    });
    return { text: main.text, cells };
  });
}

/**
 * A party lacks a question most parties were asked (`missing`), was asked one most were not
 * (`other`), has fewer than the most any party has (`fewer`), or the shared ones in another
 * order than most (`order`).
 */
function flagsOf(
  parties: readonly FairnessParty[],
  questions: readonly FairnessQuestion[],
): FairnessFlag[] {
  const flags: FairnessFlag[] = [];
  const count = parties.length;
  if (count < 2) return flags;
  const askedOf = questions.map(
    (question) => question.cells.filter((cell) => cell !== null).length,
  );
  const most = Math.max(...parties.map((party) => party.qa.length));
  const orders = parties.map((_, column) =>
    questions
      .map((question, row) => ({ row, at: question.cells[column] }))
      .filter(({ row, at }) => at !== null && askedOf[row] === count)
      .map(({ row, at }) => ({ row, position: parties[column]!.qa.indexOf(at!.qa) }))
      .sort((a, b) => a.position - b.position)
      .map(({ row }) => row)
      .join(','),
  );
  const usual = mostCommon(orders);
  parties.forEach((party, column) => {
    questions.forEach((question, row) => {
      const isAsked = question.cells[column] !== null;
      const asked = askedOf[row]!;
      if (!isAsked && asked * 2 > count) {
        flags.push({ kind: 'missing', party: party.party, question: row });
      }
      if (isAsked && asked * 2 <= count) {
        flags.push({ kind: 'other', party: party.party, question: row });
      }
    });
    if (party.qa.length < most) {
      flags.push({ kind: 'fewer', party: party.party, count: party.qa.length, most });
    }
    if (orders[column] !== usual) flags.push({ kind: 'order', party: party.party });
  });
  return flags;
}

/** Posts of a campaign that do not share one format (or theme): which parties have which. */
function lookFlags(
  posts: readonly ScheduledPost[],
  kind: 'format' | 'theme',
  valueOf: (post: ScheduledPost) => string,
): FairnessFlag[] {
  const byValue = new Map<string, string[]>();
  for (const post of posts) {
    const value = valueOf(post);
    byValue.set(value, [...(byValue.get(value) ?? []), post.spec.interview.party]);
  }
  if (byValue.size <= 1) return [];
  return [{ kind, values: [...byValue].map(([value, parties]) => ({ value, parties })) }];
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const entry of counts) if (best === undefined || entry[1] > best[1]) best = entry;
  return best?.[0];
}
