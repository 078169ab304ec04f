import type {
  BrandFields,
  BrandState,
  BuildProgress,
  BuildRequest,
  BuildStarted,
  CampaignEditRequest,
  FairnessReply,
  NewCampaignRequest,
  OutputState,
  PlanSaveReply,
  PlanState,
  ScheduleRequest,
} from '../../page-protocol.js';

/**
 * The studio's campaign, schedule and output routes, typed as page-protocol.ts says the server
 * answers. A request the server does not answer rejects; the views say so on the page.
 */

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The page's token for writes, as the server put it in the page. */
function writeToken(): string {
  return document.querySelector('meta[name="excerpt-token"]')?.getAttribute('content') ?? '';
}

/**
 * A write: POSTed as JSON with the page's token (the browser adds the page's own Origin).
 * `isSave`: its reply is a PlanSaveReply, which has a word for a save the server failed.
 */
async function postJson<T>(path: string, body: unknown, isSave = true): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Excerpt-Token': writeToken() },
    body: JSON.stringify(body),
  });
  // These answer with a reply the views explain; anything else (403, 400, 503) is a fault.
  if ([200, 202, 409, 422].includes(response.status)) return (await response.json()) as T;
  const text = await response.text();
  // A save the server failed (a full disk, say) is a reply too: it says what failed.
  if (isSave && response.status === 500 && isFailed(text)) return JSON.parse(text) as T;
  throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
}

/** Whether a 500's body is the server's `{ ok: false, reason: 'failed', problem }`. */
function isFailed(text: string): boolean {
  try {
    return (JSON.parse(text) as { reason?: unknown }).reason === 'failed';
  } catch {
    return false;
  }
}

export const fetchPlan = (): Promise<PlanState> => getJson('/api/plan');
export const fetchFairness = (): Promise<FairnessReply> => getJson('/api/plan/fairness');
export const fetchOutput = (): Promise<OutputState> => getJson('/api/plan/output');

export const fetchBrand = (): Promise<BrandState> => getJson('/api/plan/brand');

/** Saves the organisation's fields over the version read (null: creates brand.yaml). */
export const saveBrand = (
  baseVersion: string | null,
  fields: BrandFields,
): Promise<PlanSaveReply> => postJson('/api/plan/brand', { baseVersion, fields });

/** Creates a campaign; its id is the slug of its title. */
export const createCampaign = (request: NewCampaignRequest): Promise<PlanSaveReply> =>
  postJson('/api/plan/campaigns', request);

/** Saves a campaign's fields over the version the page read. */
export const saveCampaign = (id: string, request: CampaignEditRequest): Promise<PlanSaveReply> =>
  postJson(`/api/plan/campaigns/${encodeURIComponent(id)}`, request);

/** Places an interview's post on a campaign's schedule, or takes it off. */
export const saveSchedule = (id: string, request: ScheduleRequest): Promise<PlanSaveReply> =>
  postJson(`/api/plan/campaigns/${encodeURIComponent(id)}/schedule`, request);

/** Starts a build; its progress comes from followBuild. */
export const startBuild = (request: BuildRequest): Promise<BuildStarted> =>
  postJson('/api/plan/builds', request, false);

/**
 * Follows a build from its start: `onEvent` for each event, once, until it is done or has
 * failed (then the stream is closed, so the browser does not open it again). The server replays
 * a build's events from the start on every connection: after a break, those seen are skipped.
 */
export function followBuild(id: string, onEvent: (event: BuildProgress) => void): () => void {
  const source = new EventSource(`/api/plan/builds/${id}`);
  let seen = 0;
  let index = 0;
  source.addEventListener('open', () => (index = 0));
  source.addEventListener('build', (message) => {
    if (index++ < seen) return;
    seen++;
    const event = JSON.parse((message as MessageEvent<string>).data) as BuildProgress;
    if (event.type === 'done' || event.type === 'failed') source.close();
    onEvent(event);
  });
  return () => source.close();
}
