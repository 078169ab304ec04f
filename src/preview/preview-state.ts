import { isVerbatimPassage } from '../data/highlight.js';
import { createHash } from 'node:crypto';
import type { Dataset } from '../data/load.js';
import type { Format, Qa } from '../data/schema.js';
import { InputError } from '../errors.js';
import { hashOfPost } from '../render/post-hash.js';
import {
  postIdOf,
  resolvePost,
  scheduledPostOf,
  sourceOf,
  specsOfCampaign,
  type PostSpec,
} from '../render/post-spec.js';
import type { ImageFormat } from '../render/rasterize.js';
import { describeProblemCount } from '../issue.js';
import type {
  PreviewState,
  Problem,
  StateCampaign,
  StateInterview,
  StatePost,
} from './page-protocol.js';
import { problemOfError } from './problem.js';

// The state is what the page reads; its types live with the rest of what the page is sent.
export type { PreviewState, StateCampaign, StateInterview, StatePost };

/** What a content key stands for: the post to draw, with the templates it was made for. */
export interface KeyedSpec {
  spec: PostSpec;
  templatesHash: string;
}

/** The data as last read: a valid dataset, and the problems of the folder as it is now. */
export interface DataView {
  /** The last data that loaded; undefined when it never did. */
  dataset: Dataset | undefined;
  /** Why the data as it is now does not load, with the files at fault. */
  problem: { problem: Problem; files: ReadonlySet<string> } | undefined;
}

export interface StateOptions {
  format: Format | null;
  image: ImageFormat;
  templates: { hash: string; problem: Problem | undefined };
  /** Why the preview no longer follows changes; undefined while it does. */
  stopped: Problem | undefined;
  /** Remembers what a key stands for, so the page can ask for it. */
  register: (key: string, keyed: KeyedSpec) => void;
}

/** The content key of a post's slides: its data, options, the render code and the templates. */
export function keyOfPost(spec: PostSpec, image: ImageFormat, templatesHash: string): string {
  return createHash('sha256')
    .update(hashOfPost(spec, { image, svg: false }))
    .update(templatesHash)
    .digest('hex');
}

/**
 * The page's state. When the data does not load, the posts are those of the last data that
 * did: a post whose files are at fault carries the problem where its slides were, the others
 * keep their slides, and every problem is listed at the top.
 */
export function buildState(view: DataView, options: StateOptions, version: number): PreviewState {
  const { dataset, problem } = view;
  const problems = [
    ...(options.stopped === undefined ? [] : [options.stopped]),
    ...(problem === undefined ? [] : [problem.problem]),
    ...(options.templates.problem === undefined ? [] : [options.templates.problem]),
  ];
  const base = {
    version,
    isFollowing: options.stopped === undefined,
    format: options.format,
    image: options.image,
    problems,
  };
  if (dataset === undefined) return { ...base, brand: null, campaigns: [], interviews: [] };

  const campaigns = dataset.campaigns.map((campaign): StateCampaign => {
    const campaignFile = dataset.fileOf.campaign(campaign.id);
    let specs: PostSpec[];
    try {
      specs = specsOfCampaign(
        dataset,
        campaign,
        options.format === null ? {} : { format: options.format },
      );
    } catch (error) {
      problems.push(problemOfError(error, `${campaign.title} cannot be laid out`));
      specs = [];
    }
    const posts = specs.map((spec): StatePost => {
      const file = dataset.fileOf.interview(spec.interview.id);
      const post: StatePost = {
        id: postIdOf(spec),
        campaign: campaign.id,
        interview: spec.interview.id,
        party: spec.interview.party,
        name: spec.interview.interviewee.name,
        role: spec.interview.interviewee.role,
        date: spec.date,
        time: campaign.time,
        qa: [...spec.qaIds],
        format: spec.format,
        file,
      };
      const blocking = [
        ...(problem === undefined
          ? []
          : entriesAbout(problem, [file, campaignFile, dataset.fileOf.brand])),
        ...(options.templates.problem === undefined ? [] : [options.templates.problem]),
      ];
      if (blocking.length > 0) return { ...post, problem: mergeProblems(blocking) };
      const key = keyOfPost(spec, options.image, options.templates.hash);
      options.register(key, { spec, templatesHash: options.templates.hash });
      return { ...post, key };
    });
    return {
      id: campaign.id,
      title: campaign.title,
      ...(campaign.subtitle === undefined ? {} : { subtitle: campaign.subtitle }),
      marker: campaign.marker,
      format: campaign.format,
      hashtags: [...campaign.hashtags],
      posts,
    };
  });

  const interviews = dataset.interviews.map((interview): StateInterview => {
    const campaign = dataset.campaigns.find((candidate) => candidate.id === interview.campaign);
    const scheduled = scheduledPostOf(campaign, interview);
    return {
      id: interview.id,
      campaign: interview.campaign,
      party: interview.party,
      name: interview.interviewee.name,
      role: interview.interviewee.role,
      file: dataset.fileOf.interview(interview.id),
      publishedOn: interview.publishedOn,
      ...(scheduled === undefined
        ? {}
        : { scheduled: { date: scheduled.date, qa: [...scheduled.qa] } }),
      qa: interview.qa.map((qa) => ({
        id: qa.id,
        question: qa.question,
        excerpt: excerptOf(qa.answer),
      })),
    };
  });

  const { brand } = dataset;
  return {
    ...base,
    brand: { organisation: brand.organisation, handle: brand.handle, website: brand.website },
    campaigns,
    interviews,
  };
}

/**
 * A post of chosen Q&As of one interview, for the page's "what if" carousel: dated and styled
 * as its campaign's post of that interview would be.
 */
export function specOfChoice(
  dataset: Dataset,
  interviewId: string,
  qaIds: readonly string[],
  format: Format | null,
  highlight = '',
): PostSpec {
  const source = sourceOf(dataset, interviewId);
  // On the page, no Q&A is a box left unticked: resolvePost would fall back on the schedule.
  if (qaIds.length === 0) {
    throw new InputError('no Q&A is chosen', { hint: 'tick at least one question' });
  }
  const spec = resolvePost(source, {
    qaIds,
    ...(format === null ? {} : { format }),
    ...(highlight === '' ? {} : { highlight }),
  });
  // The cover quotes a politician: a passage not in the chosen answers is never drawn.
  const chosen = spec.interview.qa.filter((qa) => spec.qaIds.includes(qa.id));
  if (highlight !== '' && !isVerbatimPassage(highlight, chosen)) {
    throw new InputError('the cover quote is not a passage of the chosen answers', {
      hint: 'select the words in one of the chosen answers, exactly as they stand',
    });
  }
  return spec;
}

/** The part of a data problem about some files (and about no file in particular). */
function entriesAbout(
  { problem, files }: NonNullable<DataView['problem']>,
  about: readonly string[],
): Problem[] {
  if (!about.some((file) => files.has(file))) return [];
  const entries = problem.entries.filter(
    (entry) => entry.file === undefined || about.includes(entry.file),
  );
  return [{ ...problem, title: describeProblemCount(entries.length), entries }];
}

function mergeProblems(problems: readonly Problem[]): Problem {
  if (problems.length === 1) return problems[0]!;
  return {
    title: problems.map((problem) => problem.title).join('; '),
    entries: problems.flatMap((problem) => problem.entries),
  };
}

/** The first words of an answer, to recognise a Q&A by. */
function excerptOf(answer: Qa['answer']): string {
  const first = answer[0];
  const text =
    first === undefined ? '' : typeof first === 'string' ? first : first.list.join(' · ');
  return text.length <= 180 ? text : `${text.slice(0, 180).replace(/\s+\S*$/, '')} …`;
}
