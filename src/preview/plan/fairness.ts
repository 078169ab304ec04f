import type { ScheduledPost } from '../../check/scheduled-posts.js';
import type { Dataset } from '../../data/load.js';
import { isSameQuestion, questionWords, setPartyAside } from '../../layout/questions.js';
import { comparePosts } from '../../render/post-spec.js';
import type {
  FairnessCampaign,
  FairnessFlag,
  FairnessParty,
  FairnessQuestion,
} from '../page-protocol.js';

/**
 * Every party of a campaign should be asked the same questions (PRODUCT.md: no one looks
 * favoured). When two questions are the same is layout/questions.ts's rule, the one `excerpt
 * check`'s fairness warning uses: the party's own name set aside, and one word worded
 * otherwise ("i Centerpartiet" for "hos Liberalerna") still the same question, shown as
 * reworded.
 */

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
      ...(post.problem === undefined
        ? {}
        : {
            problem: {
              message: post.problem.message,
              ...(post.problem.sv === undefined
                ? {}
                : { sv: { message: post.problem.sv.message } }),
            },
          }),
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
      const words = questionWords(qa.question, interview.party);
      const key = words.join(' ');
      // The row asked in these very words, else one asked in nearly these.
      const open = rows.filter((row) => !used.has(row));
      const best =
        open.find((row) => row.variants.some((variant) => variant.words.join(' ') === key)) ??
        open.find((row) => row.variants.some((variant) => isSameQuestion(words, variant.words)));
      const row = best ?? { variants: [], cells: posts.map(() => null) };
      if (best === undefined) rows.push(row);
      used.add(row);
      const text = setPartyAside(qa.question, interview.party);
      const variant = row.variants.find((known) => known.words.join(' ') === key);
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
      const words = questionWords(cell.question, post.spec.interview.party).join(' ');
      return { ...cell, isReworded: words !== main.words.join(' ') };
    });
    return { text: main.text, cells };
  });
}

/**
 * A party lacks a question most parties were asked (`missing`), was asked one most were not
 * (`other`), has fewer than most parties have (`fewer`), or the shared ones in another
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
  // The number of questions most parties have (on a tie, the larger): a party with more is
  // flagged for the questions the others were not asked (`other`), not every other as `fewer`.
  const most = usualCount(parties.map((party) => party.qa.length));
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

/** The count most often met; of counts met equally often, the largest. */
function usualCount(counts: readonly number[]): number {
  const times = new Map<number, number>();
  for (const count of counts) times.set(count, (times.get(count) ?? 0) + 1);
  let usual = 0;
  let seen = 0;
  for (const [count, met] of times) {
    if (met > seen || (met === seen && count > usual)) [usual, seen] = [count, met];
  }
  return usual;
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
