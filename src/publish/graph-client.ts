import { classifyGraphError, type GraphErrorFacts, type GraphErrorKind } from './graph-error.js';

/**
 * A small client for the calls `excerpt publish` makes to the Instagram Graph API (FACTS.md,
 * "Instagram Graph API: publishing"), parameters as Meta documents them. The token travels in
 * an `Authorization: Bearer` header, never in a URL, so no URL in a message or a log holds it;
 * every text that comes back from Meta is cleaned of it all the same. Each method makes one
 * request: retrying is the caller's decision, as only it knows whether a request is safe to repeat.
 */

/** Instagram Login's host, at the Graph API version current in November 2026. */
export const defaultApiUrl = 'https://graph.instagram.com/v25.0';

/** A container's `status_code`. */
export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

const statuses: readonly string[] = ['IN_PROGRESS', 'FINISHED', 'ERROR', 'EXPIRED', 'PUBLISHED'];

/** The Graph API answered with an error. */
export class GraphApiError extends Error {
  readonly kind: GraphErrorKind;
  readonly facts: GraphErrorFacts;
  /** `POST /{id}/media`: what was asked, never with the token. */
  readonly request: string;

  constructor(request: string, message: string, facts: GraphErrorFacts) {
    super(message);
    this.name = 'GraphApiError';
    this.request = request;
    this.facts = facts;
    this.kind = classifyGraphError(facts);
  }
}

/** No answer came (the network, a timeout, a lost response): whether it took effect is unknown. */
export class NoResponseError extends Error {
  readonly request: string;

  constructor(request: string, message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'NoResponseError';
    this.request = request;
  }
}

export interface PublishingLimit {
  /** Posts published in the window. */
  used: number;
  total: number;
  /** The window, in seconds (24 hours). */
  windowSeconds: number;
}

export interface RecentMedia {
  id: string;
  caption?: string;
  permalink?: string;
  timestamp?: string;
}

export interface GraphClient {
  /** `POST /{ig-user-id}/media` for one carousel item: its container id. */
  createImageContainer(input: { imageUrl: string; altText: string }): Promise<string>;
  /** `POST /{ig-user-id}/media` with `media_type=CAROUSEL`: its container id. */
  createCarouselContainer(input: { children: readonly string[]; caption: string }): Promise<string>;
  /** `GET /{container-id}?fields=status_code,status`. */
  readContainerStatus(id: string): Promise<{ statusCode: ContainerStatus; status?: string }>;
  /** `POST /{ig-user-id}/media_publish`: the media id of the post. */
  publishContainer(creationId: string): Promise<string>;
  /** `GET /{media-id}?fields=permalink`. */
  readPermalink(mediaId: string): Promise<string>;
  /** `GET /{ig-user-id}/content_publishing_limit`. */
  readPublishingLimit(): Promise<PublishingLimit | undefined>;
  /** `GET /{ig-user-id}/media`: the account's latest posts, newest first. */
  listRecentMedia(): Promise<RecentMedia[]>;
}

export interface GraphClientOptions {
  /** E.g. https://graph.instagram.com/v25.0, without a trailing slash or with one. */
  apiUrl: string;
  userId: string;
  token: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** Replaces the token wherever it appears in `text`. */
export function redactToken(text: string, token: string): string {
  return token === '' ? text : text.split(token).join('[INSTAGRAM_ACCESS_TOKEN]');
}

/** A client for one account and token. */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const base = options.apiUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const { userId, token } = options;
  const clean = (text: string): string => redactToken(text, token);

  async function request(
    method: 'GET' | 'POST',
    path: string,
    params: Record<string, string>,
  ): Promise<Record<string, unknown>> {
    const what = `${method} /${path}`;
    const url = new URL(`${base}/${path}`);
    const body = new URLSearchParams(params);
    if (method === 'GET') url.search = body.toString();
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(method === 'POST' ? { body: body.toString() } : {}),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw new NoResponseError(what, clean(`${what}: no answer (${describeFailure(error)})`), {
        cause: error,
      });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new NoResponseError(
        what,
        clean(`${what}: the answer was cut off (${describeFailure(error)})`),
        { cause: error },
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const payload =
      typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : undefined;
    const error = payload?.error;
    if (!response.ok || error !== undefined || payload === undefined) {
      const facts = factsOf(response.status, error);
      const said =
        typeof error === 'object' &&
        error !== null &&
        typeof (error as { message?: unknown }).message === 'string'
          ? (error as { message: string }).message
          : `HTTP ${response.status}${payload === undefined ? ', not JSON' : ''}`;
      const numbers = [
        facts.code === undefined ? undefined : `code ${facts.code}`,
        facts.subcode === undefined ? undefined : `subcode ${facts.subcode}`,
      ].filter((part) => part !== undefined);
      throw new GraphApiError(
        what,
        clean(`${what}: ${said}${numbers.length > 0 ? ` (${numbers.join(', ')})` : ''}`),
        facts,
      );
    }
    return payload;
  }

  const idOf = (payload: Record<string, unknown>, what: string): string => {
    const id = payload.id;
    if (typeof id === 'string' && id !== '') return id;
    if (typeof id === 'number') return String(id);
    throw new GraphApiError(what, `${what}: the answer has no id`, {
      status: 200,
      code: undefined,
      subcode: undefined,
      isTransient: false,
    });
  };

  return {
    async createImageContainer({ imageUrl, altText }) {
      const payload = await request('POST', `${userId}/media`, {
        image_url: imageUrl,
        is_carousel_item: 'true',
        alt_text: altText,
      });
      return idOf(payload, `POST /${userId}/media`);
    },
    async createCarouselContainer({ children, caption }) {
      const payload = await request('POST', `${userId}/media`, {
        media_type: 'CAROUSEL',
        children: children.join(','),
        caption,
      });
      return idOf(payload, `POST /${userId}/media`);
    },
    async readContainerStatus(id) {
      const payload = await request('GET', id, { fields: 'status_code,status' });
      const code = payload.status_code;
      if (typeof code !== 'string' || !statuses.includes(code)) {
        throw new GraphApiError(`GET /${id}`, `GET /${id}: unknown status_code ${String(code)}`, {
          status: 200,
          code: undefined,
          subcode: undefined,
          isTransient: false,
        });
      }
      return {
        statusCode: code as ContainerStatus,
        ...(typeof payload.status === 'string' ? { status: clean(payload.status) } : {}),
      };
    },
    async publishContainer(creationId) {
      const payload = await request('POST', `${userId}/media_publish`, {
        creation_id: creationId,
      });
      return idOf(payload, `POST /${userId}/media_publish`);
    },
    async readPermalink(mediaId) {
      const payload = await request('GET', mediaId, { fields: 'permalink' });
      if (typeof payload.permalink !== 'string') {
        throw new GraphApiError(`GET /${mediaId}`, `GET /${mediaId}: the answer has no permalink`, {
          status: 200,
          code: undefined,
          subcode: undefined,
          isTransient: false,
        });
      }
      return payload.permalink;
    },
    async readPublishingLimit() {
      const payload = await request('GET', `${userId}/content_publishing_limit`, {
        fields: 'quota_usage,config',
      });
      const first = Array.isArray(payload.data) ? (payload.data[0] as unknown) : undefined;
      if (typeof first !== 'object' || first === null) return undefined;
      const { quota_usage: used, config } = first as { quota_usage?: unknown; config?: unknown };
      const { quota_total: total, quota_duration: duration } =
        typeof config === 'object' && config !== null
          ? (config as { quota_total?: unknown; quota_duration?: unknown })
          : {};
      if (typeof used !== 'number' || typeof total !== 'number') return undefined;
      return {
        used,
        total,
        windowSeconds: typeof duration === 'number' && duration > 0 ? duration : 86_400,
      };
    },
    async listRecentMedia() {
      const payload = await request('GET', `${userId}/media`, {
        fields: 'id,caption,permalink,timestamp',
        limit: '50',
      });
      if (!Array.isArray(payload.data)) return [];
      return payload.data.flatMap((item: unknown): RecentMedia[] => {
        if (typeof item !== 'object' || item === null) return [];
        const { id, caption, permalink, timestamp } = item as Record<string, unknown>;
        if (typeof id !== 'string') return [];
        return [
          {
            id,
            ...(typeof caption === 'string' ? { caption } : {}),
            ...(typeof permalink === 'string' ? { permalink } : {}),
            ...(typeof timestamp === 'string' ? { timestamp } : {}),
          },
        ];
      });
    },
  };
}

function factsOf(status: number, error: unknown): GraphErrorFacts {
  const body =
    typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const number = (value: unknown): number | undefined =>
    typeof value === 'number' && Number.isFinite(value)
      ? value
      : typeof value === 'string' && /^\d+$/.test(value)
        ? Number(value)
        : undefined;
  return {
    status,
    code: number(body.code),
    subcode: number(body.error_subcode),
    isTransient: body.is_transient === true,
  };
}

/** fetch's failures say little ("fetch failed"); the cause says what happened. */
function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'it took too long';
    const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
    if (typeof cause?.code === 'string') return `${error.message}: ${cause.code}`;
    if (typeof cause?.message === 'string') return `${error.message}: ${cause.message}`;
    return error.message;
  }
  return String(error);
}
