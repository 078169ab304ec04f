import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Document as YamlDocument } from 'yaml';
import { z } from 'zod';
import type { Dataset } from '../../data/load.js';
import type { ImageFormat } from '../../render/rasterize.js';
import type { TemplateSet } from '../../slide/template-set.js';
import type { ChangeResult, DataWriter } from '../edits/data-writer.js';
import type {
  BrandState,
  BuildProgress,
  BuildStarted,
  FairnessReply,
  OutputState,
  PlanSaveReply,
  PlanState,
  Problem,
} from '../page-protocol.js';
import type { BuildRunner } from '../plan/build-runner.js';
import {
  applyCampaignFields,
  applySchedule,
  campaignIdOf,
  newCampaignText,
} from '../plan/campaign-edits.js';
import { applyBrandFields, brandFieldsOf, newBrandText } from '../plan/brand-edits.js';
import { readTextOrNull, versionOf } from '../edits/data-files.js';
import { assessQuestions } from '../plan/fairness.js';
import { readCampaignFile, zipPost, type OutFile } from '../plan/out-files.js';
import { readOutputState } from '../plan/output-state.js';
import { readPlanState } from '../plan/plan-state.js';
import type { PreviewSession } from '../preview-session.js';
import { problemOfDataIssues, problemOfError } from '../problem.js';
import { badRequest } from './edit-routes.js';
import { formatSwedishDate } from '../../slide/slide-context.js';
import {
  notFound,
  securityHeaders,
  send,
  sendJson,
  whenReady,
  type Route,
  type WriteRoute,
} from './http.js';

export interface PlanContext {
  dataDir: string;
  outDir: string;
  image: ImageFormat;
  session: () => PreviewSession | undefined;
  /** Every change to the data goes through it (edits/data-writer.ts): versions, checks, undo. */
  writer: () => DataWriter | undefined;
  runner: BuildRunner;
  loadTemplates: () => Promise<TemplateSet>;
}

const slug = '[a-z0-9]+(?:-[a-z0-9]+)*';

/**
 * Text a person types into one field: one line (a line break or a control character in a title
 * would reach the cover, the caption and the file), no longer than any field of a campaign needs.
 * A tab is a space: a title pasted from a spreadsheet cell brings one, and a field of one line
 * cannot show it (nor can any page refuse it in words the person would understand).
 */
const line = z
  .string()
  .max(500)
  .transform((text) => text.replaceAll('\t', ' '))
  .refine((text) => !/\p{Cc}/u.test(text), { message: 'must be one line of text' });
const fieldsSchema = z.object({
  title: line,
  subtitle: line,
  marker: line,
  theme: line,
  format: z.enum(['square', 'portrait', 'story']),
  time: line,
  hashtags: z.array(line).max(100),
});
const newCampaignSchema = z.object({ fields: fieldsSchema });
const brandEditSchema = z.object({
  baseVersion: z.string().nullable(),
  fields: z.object({
    organisation: line,
    handle: line,
    website: line,
    interviewsUrl: line,
    email: line,
    contactLine: line,
  }),
});
/** The brand file, as the data writer names it. */
const brandFile = 'brand.yaml';
const campaignEditSchema = z.object({ baseVersion: z.string(), fields: fieldsSchema });
const scheduleSchema = z.object({
  baseVersion: z.string(),
  interview: line,
  post: z
    .object({
      date: line,
      qa: z.array(line).max(100),
      highlight: z.string().max(5000).optional(),
    })
    .nullable(),
});
const buildSchema = z.object({ campaign: line, post: line.optional() });

/**
 * The studio's campaign, schedule and output routes: what the campaigns' files say, how fair
 * each campaign is to its parties, what is built and published, builds and their progress, and
 * the files of out/ a communicator downloads. These GETs read only.
 */
export function planRoutes(context: PlanContext): { reads: Route[]; writes: WriteRoute[] } {
  return { reads: readRoutes(context), writes: writeRoutes(context) };
}

function readRoutes(context: PlanContext): Route[] {
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
      /^\/api\/plan\/brand$/,
      async ({ response }) => {
        if (whenReady(response, context.session) === undefined) return;
        const text = await readTextOrNull(join(context.dataDir, brandFile));
        sendJson(response, 200, {
          file: brandFile,
          version: versionOf(text),
          fields: text === null ? null : brandFieldsOf(text),
        } satisfies BrandState);
      },
    ],
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

/**
 * The studio's campaign and schedule writes, each a change of one campaign file through the
 * data writer (so checked against the version the page read, validated as the loader reads the
 * folder, written whole and undoable), and builds, which write only to out/.
 */
function writeRoutes(context: PlanContext): WriteRoute[] {
  const ready = (response: ServerResponse): DataWriter | undefined => {
    const writer = context.writer();
    if (writer === undefined) sendJson(response, 503, { ok: false, reason: 'starting' });
    return writer;
  };
  /** The campaign file of an id, as the data folder has it now. */
  const fileOf = async (id: string): Promise<string | undefined> =>
    (await readPlanState(context.dataDir)).campaigns.find((campaign) => campaign.id === id)?.file;
  /** A write to an existing campaign's file: the request checked, the campaign found, one edit. */
  const campaignEdit = <T>(
    suffix: string,
    schema: z.ZodType<T>,
    plan: (
      request: T,
      state: PlanState,
    ) => {
      baseVersion: string;
      label: string;
      edit: (document: YamlDocument) => void;
    },
  ): WriteRoute => ({
    method: 'POST',
    pattern: new RegExp(`^\\/api\\/plan\\/campaigns\\/(${slug})${suffix}$`),
    async respond({ response, body, match }) {
      const writer = ready(response);
      if (writer === undefined) return;
      const request = schema.safeParse(body);
      if (!request.success) {
        badRequest(response, request.error);
        return;
      }
      const id = match[1]!;
      // Read once: the campaign's file, and what the change's label names (a party).
      const state = await readPlanState(context.dataDir);
      const file = state.campaigns.find((campaign) => campaign.id === id)?.file;
      if (file === undefined) {
        refused(response, `There is no campaign ${id}`);
        return;
      }
      const { baseVersion, label, edit } = plan(request.data, state);
      const result = await writer.change(label, [{ file, baseVersion, edit }]);
      sendSave(response, id, file, result);
    },
  });

  return [
    {
      method: 'POST',
      pattern: /^\/api\/plan\/brand$/,
      async respond({ response, body }) {
        const writer = ready(response);
        if (writer === undefined) return;
        const request = brandEditSchema.safeParse(body);
        if (!request.success) {
          badRequest(response, request.error);
          return;
        }
        const { baseVersion, fields } = request.data;
        // None yet: a new file with the bundled themes; else the fields set, the rest kept.
        const result = await writer.change('organisationens uppgifter', [
          {
            file: brandFile,
            baseVersion,
            edit:
              baseVersion === null
                ? { text: newBrandText(fields) }
                : (document) => applyBrandFields(document, fields),
          },
        ]);
        sendSave(response, 'brand', brandFile, result);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/plan\/campaigns$/,
      async respond({ response, body }) {
        const writer = ready(response);
        if (writer === undefined) return;
        const request = newCampaignSchema.safeParse(body);
        if (!request.success) {
          badRequest(response, request.error);
          return;
        }
        const { fields } = request.data;
        const id = campaignIdOf(fields.title);
        if (id === '') {
          refused(response, 'A campaign needs a title with a letter or a digit in it');
          return;
        }
        const file = `campaigns/${id}.yaml`;
        const existing = await fileOf(id);
        if (existing !== undefined || (await writer.read(file)).text !== null) {
          sendJson(response, 409, {
            ok: false,
            reason: 'exists',
            id,
            file: existing ?? file,
          } satisfies PlanSaveReply);
          return;
        }
        // The history's labels are read on the page, in Swedish (Ångrat: …).
        const result = await writer.change(`ny kampanj ${fields.title}`, [
          { file, baseVersion: null, edit: { text: newCampaignText(id, fields) } },
        ]);
        sendSave(response, id, file, result);
      },
    },
    campaignEdit('', campaignEditSchema, ({ baseVersion, fields }) => ({
      baseVersion,
      label: `kampanjen ${fields.title}`,
      edit: (document) => applyCampaignFields(document, fields),
    })),
    campaignEdit(
      '\\/schedule',
      scheduleSchema,
      ({ baseVersion, interview, post }, { interviews }) => {
        // Named by its party, as the schedule shows it, not by its id.
        const party = interviews.find((each) => each.id === interview)?.party ?? interview;
        return {
          baseVersion,
          label:
            post === null
              ? `${party} ur schemat`
              : `${party} ${formatSwedishDate(post.date)} i schemat`,
          edit: (document) => applySchedule(document, interview, post),
        };
      },
    ),
    {
      method: 'POST',
      pattern: /^\/api\/plan\/builds$/,
      respond({ response, body }) {
        const request = buildSchema.safeParse(body);
        if (!request.success) {
          badRequest(response, request.error);
          return;
        }
        const { campaign, post } = request.data;
        const id = context.runner.start({ campaign, ...(post === undefined ? {} : { post }) });
        sendJson(response, 202, { id } satisfies BuildStarted);
      },
    },
  ];
}

/** A save's result as the plan views read it, with the status an edit's would have. */
function sendSave(response: ServerResponse, id: string, file: string, result: ChangeResult): void {
  if (result.ok) {
    const version = result.versions[file] ?? '';
    sendJson(response, 200, { ok: true, id, file, version } satisfies PlanSaveReply);
    return;
  }
  switch (result.reason) {
    case 'conflict': {
      const conflict = result.conflicts[0]!;
      sendJson(response, 409, {
        ok: false,
        reason: 'conflict',
        file: conflict.file,
        current: conflict.current ?? '',
        yours: conflict.yours ?? '',
      } satisfies PlanSaveReply);
      return;
    }
    case 'invalid':
      sendJson(response, 422, {
        ok: false,
        reason: 'invalid',
        problem: problemOfDataIssues(result.issues, result.texts),
      } satisfies PlanSaveReply);
      return;
    case 'nothing':
      refused(response, 'There was nothing to change');
  }
}

function refused(response: ServerResponse, message: string): void {
  sendJson(response, 422, {
    ok: false,
    reason: 'refused',
    problem: { title: message, entries: [] },
  } satisfies PlanSaveReply);
}
