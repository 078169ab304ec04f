import type { ServerResponse } from 'node:http';
import { formatSchema, type Format } from '../../data/schema.js';
import type { ImageFormat } from '../../render/rasterize.js';
import type { ChoiceReply, PostReply, PreviewState, StaleReply } from '../page-protocol.js';
import type { PreviewSession } from '../preview-session.js';
import { zipDrawnPost } from '../plan/out-files.js';
import { stale } from '../slide-renderer.js';
import { notFound, send, sendJson, whenReady, type Route } from './http.js';

const keyPattern = '[0-9a-f]{64}';

/**
 * What the page asks of the session: the state, a post drawn, a chosen carousel, and the slides'
 * images. Each answers 503 while the session starts (before the URL is even printed).
 */
export function apiRoutes(context: {
  image: ImageFormat;
  session: () => PreviewSession | undefined;
}): Route[] {
  const { image } = context;
  const extension = image === 'png' ? 'png' : 'jpg';
  const ready = (response: ServerResponse): PreviewSession | undefined =>
    whenReady(response, context.session);

  return [
    [
      /^\/api\/state$/,
      ({ response, query }) => {
        const session = ready(response);
        if (session === undefined) return;
        sendJson(response, 200, session.state(formatOf(query)) satisfies PreviewState);
      },
    ],
    [
      new RegExp(`^/api/post/(${keyPattern})$`),
      async ({ response, match }) => {
        const session = ready(response);
        if (session === undefined) return;
        const key = match[1]!;
        const outcome = await session.draw(key);
        if (outcome === stale) {
          sendJson(response, 404, { key, stale: true } satisfies StaleReply);
          return;
        }
        if (!outcome.ok) {
          sendJson(response, 200, {
            key,
            ok: false,
            problem: outcome.problem,
          } satisfies PostReply);
          return;
        }
        const { post } = outcome;
        sendJson(response, 200, {
          key,
          ok: true,
          post: {
            id: post.id,
            publishAt: post.publishAt,
            format: post.format,
            width: post.width,
            height: post.height,
            caption: post.caption,
            hashtags: post.hashtags,
            slides: post.slides.map((slide, index) => ({
              url: `/slides/${key}/${String(index + 1).padStart(2, '0')}.${extension}`,
              kind: slide.kind,
              alt: slide.altText,
            })),
          },
        } satisfies PostReply);
      },
    ],
    [
      /^\/api\/choice$/,
      ({ response, query }) => {
        const session = ready(response);
        if (session === undefined) return;
        const qa = (query.get('qa') ?? '').split(',').filter((id) => id !== '');
        const reply = session.choose(
          query.get('interview') ?? '',
          qa,
          formatOf(query),
          query.get('highlight') ?? '',
        );
        sendJson(response, 200, reply satisfies ChoiceReply);
      },
    ],
    [
      // A drawn carousel as a zip, as a build's post folder would hold it: the studio's "make
      // one carousel now" for Q&As chosen in the interview view, with nothing written to out/.
      new RegExp(`^/slides/(${keyPattern})\\.zip$`),
      async ({ response, match }) => {
        const session = ready(response);
        if (session === undefined) return;
        const outcome = await session.draw(match[1]!);
        if (outcome === stale || !outcome.ok) {
          notFound(response);
          return;
        }
        const zip = zipDrawnPost(outcome.post, outcome.images);
        send(response, 200, zip.data, {
          'Content-Type': zip.type,
          'Content-Disposition': `attachment; filename="${zip.name}"`,
        });
      },
    ],
    [
      new RegExp(`^/slides/(${keyPattern})/(\\d{2})\\.(jpg|png)$`),
      async ({ response, match }) => {
        const session = ready(response);
        if (session === undefined) return;
        const [, key, number, asked] = match;
        const outcome = await session.draw(key!);
        const slide =
          outcome !== stale && outcome.ok ? outcome.images[Number(number) - 1] : undefined;
        if (slide === undefined || asked !== extension) {
          notFound(response);
          return;
        }
        // The key is a content hash: the same URL is always the same image.
        send(response, 200, slide, {
          'Content-Type': image === 'png' ? 'image/png' : 'image/jpeg',
          'Cache-Control': 'private, max-age=31536000, immutable',
        });
      },
    ],
  ];
}

/** The format asked for in `?format=`; null (each campaign's own) for none or another word. */
function formatOf(query: URLSearchParams): Format | null {
  const format = formatSchema.safeParse(query.get('format'));
  return format.success ? format.data : null;
}
