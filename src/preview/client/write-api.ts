import type { EditReply, HistoryReply } from '../page-protocol.js';

/**
 * Every write the page makes (server/write-guard.ts): a POST under /api/ with the session's
 * token from the page's <meta name="excerpt-token"> and a JSON body; the browser adds the
 * page's own Origin. Views send their writes through postWrite, never fetch on their own.
 */
function token(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="excerpt-token"]');
  return meta?.content ?? '';
}

/** Listeners told after every write that changed something: the history bar, the views. */
export const afterWrite = new Set<(history: HistoryReply) => void>();

/** POSTs a write; the reply as the server sent it, with its HTTP status. A failed request rejects. */
export async function postWrite<Reply extends { ok: boolean }>(
  path: string,
  body: unknown,
): Promise<{ status: number; reply: Reply }> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Excerpt-Token': token() },
    body: JSON.stringify(body),
  });
  const reply = (await response.json()) as Reply;
  const history = (reply as { history?: HistoryReply }).history;
  if (reply.ok && history !== undefined) for (const listener of afterWrite) listener(history);
  return { status: response.status, reply };
}

/** GET /api/history: what undo and redo would do now. */
export async function fetchHistory(): Promise<HistoryReply> {
  const response = await fetch('/api/history');
  return (await response.json()) as HistoryReply;
}

/** POST /api/undo or /api/redo. */
export function undoOrRedo(which: 'undo' | 'redo'): Promise<{ status: number; reply: EditReply }> {
  return postWrite<EditReply>(`/api/${which}`, {});
}
