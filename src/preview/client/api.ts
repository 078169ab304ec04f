import type {
  ChoiceReply,
  PostFormat,
  PostReply,
  PreviewState,
  Problem,
} from '../page-protocol.js';
import { t } from './i18n/index.js';

/**
 * The preview server's answers, typed as page-protocol.ts says the server sends them. A failed
 * request rejects: the callers say on the page that the server does not answer.
 */

/** GET /api/state, in a format or ('') each campaign's own. */
export async function fetchState(format: PostFormat | ''): Promise<PreviewState> {
  const response = await fetch(`/api/state${format ? `?format=${format}` : ''}`);
  return (await response.json()) as PreviewState;
}

/** GET /api/post/<key>; `stale` when the server no longer knows the key. */
export async function fetchPost(key: string): Promise<PostReply | 'stale'> {
  const response = await fetch(`/api/post/${key}`);
  if (response.status === 404) return 'stale';
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as PostReply;
}

/** GET /api/choice: the key of a carousel of chosen Q&As of an interview. */
export async function fetchChoice(query: URLSearchParams): Promise<ChoiceReply> {
  const response = await fetch(`/api/choice?${query.toString()}`);
  return (await response.json()) as ChoiceReply;
}

/** What the page shows where the server's answer would be when the server does not answer. */
export function unansweredProblem(message: string, hint?: string): Problem {
  return {
    title: t.serverDoesNotAnswer,
    entries: [hint === undefined ? { message } : { message, hint }],
  };
}
