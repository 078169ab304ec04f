import type { ServerResponse } from 'node:http';
import type { Dataset } from '../../data/load.js';
import type { ImageFormat } from '../../render/rasterize.js';
import type { TemplateSet } from '../../slide/template-set.js';
import type {
  BuildProgress,
  FairnessReply,
  OutputState,
  PlanState,
  Problem,
} from '../page-protocol.js';
import type { BuildRunner } from '../plan/build-runner.js';
import { assessQuestions } from '../plan/fairness.js';
import { readCampaignFile, zipPost, type OutFile } from '../plan/out-files.js';
import { readOutputState } from '../plan/output-state.js';
import { readPlanState } from '../plan/plan-state.js';
import type { PreviewSession } from '../preview-session.js';
import { problemOfError } from '../problem.js';
import { notFound, securityHeaders, send, sendJson, whenReady, type Route } from './http.js';

export interface PlanContext {
  dataDir: string;
  outDir: string;
  image: ImageFormat;
  session: () => PreviewSession | undefined;
  runner: BuildRunner;
  loadTemplates: () => Promise<TemplateSet>;
}

const slug = '[a-z0-9]+(?:-[a-z0-9]+)*';

/**
 * The studio's campaign, schedule and output routes: what the campaigns' files say, how fair
 * each campaign is to its parties, what is built and published, builds and their progress, and
 * the files of out/ a communicator downloads. These GETs read only.
 */
export function planRoutes(context: PlanContext): Route[] {
  const dataset = (response: ServerResponse): Dataset | { problem: Problem } | undefined => {
    const session = whenReady(response, context.session);
    if (session === undefined) return undefined;
    const { dataset: loaded, problem } = session.data;
    if (loaded === undefined) {
      return { problem: problem?.problem ?? { title: 'The data does not load', entries: [] } };
    }
    return loaded;
  };

  return [
    [
      /^\/api\/plan$/,
      async ({ response }) => {
        if (whenReady(response, context.session) === undefined) return;
        sendJson(response, 200, (await readPlanState(context.dataDir)) satisfies PlanState);
      },
    ],
    [
      /^\/api\/plan\/fairness$/,
      async ({ response }) => {
        const data = dataset(response);
        if (data === undefined) return;
        if ('problem' in data) {
          sendJson(response, 200, { campaigns: [], problem: data.problem } satisfies FairnessReply);
          return;
        }
        try {
          // Laid out as a build would: the drawing stack loads when this view is first asked for.
          const { planScheduledPosts } = await import('../../check/scheduled-posts.js');
          const planned = await planScheduledPosts(data, await context.loadTemplates());
          sendJson(response, 200, {
            campaigns: assessQuestions(data, planned),
          } satisfies FairnessReply);
        } catch (error) {
          sendJson(response, 200, {
            campaigns: [],
            problem: problemOfError(error, 'The posts cannot be laid out'),
          } satisfies FairnessReply);
        }
      },
    ],
    [
      /^\/api\/plan\/output$/,
      async ({ response }) => {
        const data = dataset(response);
        if (data === undefined) return;
        if ('problem' in data) {
          sendJson(response, 200, {
            outDir: context.outDir,
            campaigns: [],
            problem: data.problem,
          } satisfies OutputState);
          return;
        }
        const state = await readOutputState(data, context);
        sendJson(response, 200, state satisfies OutputState);
      },
    ],
    [
      /^\/api\/plan\/builds\/(b\d{1,9})$/,
      ({ request, response, match }) => {
        const id = match[1]!;
        if (!context.runner.has(id)) {
          notFound(response);
          return;
        }
        response.writeHead(200, {
          ...securityHeaders,
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
        });
        if (request.method === 'HEAD') {
          response.end();
          return;
        }
        const write = (event: BuildProgress): void => {
          response.write(`event: build\ndata: ${JSON.stringify(event)}\n\n`);
          if (event.type === 'done' || event.type === 'failed') response.end();
        };
        const stop = context.runner.follow(id, write);
        request.on('close', () => stop?.());
      },
    ],
    [
      new RegExp(`^/out/(${slug})/(\\d{4}-\\d{2}-\\d{2}-${slug})\\.zip$`),
      async ({ response, match }) => {
        const data = dataset(response);
        if (data === undefined) return;
        if ('problem' in data) {
          notFound(response);
          return;
        }
        const zip = await zipPost(data, context.outDir, context.image, `${match[1]!}/${match[2]!}`);
        sendFile(response, zip, true);
      },
    ],
    [
      new RegExp(`^/out/(${slug})/([a-z0-9.-]{1,40})$`),
      async ({ response, match }) => {
        const data = dataset(response);
        if (data === undefined) return;
        if ('problem' in data) {
          notFound(response);
          return;
        }
        sendFile(
          response,
          await readCampaignFile(data, context.outDir, match[1]!, match[2]!),
          false,
        );
      },
    ],
  ];
}

/** A file of out/, or why not, in plain words; a download is named for the user's disk. */
function sendFile(response: ServerResponse, file: OutFile, isDownload: boolean): void {
  if (!file.ok) {
    send(response, file.status, `${file.message}\n`, {
      'Content-Type': 'text/plain; charset=utf-8',
    });
    return;
  }
  send(response, 200, file.data, {
    'Content-Type': file.type,
    'Content-Disposition': `${isDownload ? 'attachment' : 'inline'}; filename="${file.name}"`,
  });
}
