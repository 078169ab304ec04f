import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { InputError } from '../../errors.js';
import { isDataFilePath } from '../edits/data-files.js';
import type { ChangeResult, DataWriter, FileEdit } from '../edits/data-writer.js';
import type { HistoryEntry } from '../edits/history.js';
import type { EditReply, FileReply, HistoryReply, HistoryStep } from '../page-protocol.js';
import { problemOfDataIssues } from '../problem.js';
import { notFound, sendJson, type Route, type WriteRoute } from './http.js';

const pathSchema = z.array(z.union([z.string(), z.number().int().nonnegative()]));
const operationSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('set'), path: pathSchema, value: z.unknown() }),
  z.object({ op: z.literal('delete'), path: pathSchema }),
  z.object({
    op: z.literal('insert'),
    path: pathSchema,
    index: z.number().int().nonnegative().optional(),
    value: z.unknown(),
  }),
]);

/** A label as the history keeps it: one line, not too long. */
export const labelSchema = z
  .string()
  .max(300)
  .transform((label) => label.replace(/\p{Cc}+/gu, ' ').trim());

const editRequestSchema = z
  .object({
    file: z.string().refine(isDataFilePath, { message: 'is not a data file the studio writes' }),
    baseVersion: z.string().nullable(),
    operations: z.array(operationSchema).optional(),
    text: z.string().nullable().optional(),
    label: labelSchema,
  })
  .refine((request) => (request.operations === undefined) !== (request.text === undefined), {
    message: 'give either operations or text',
  });

/**
 * The routes of the write path every view shares: edit a data file, undo, redo, and read what
 * they need (a file's text and version, the ends of the history).
 */
export function editRoutes(writer: () => DataWriter | undefined): {
  reads: Route[];
  writes: WriteRoute[];
} {
  const ready = (response: ServerResponse): DataWriter | undefined => {
    const current = writer();
    if (current === undefined) sendJson(response, 503, { ok: false, reason: 'starting' });
    return current;
  };
  return {
    reads: [
      [
        /^\/api\/file$/,
        async ({ response, query }) => {
          const current = ready(response);
          if (current === undefined) return;
          const file = query.get('path') ?? '';
          if (!isDataFilePath(file)) {
            notFound(response);
            return;
          }
          const { text, version } = await current.read(file);
          sendJson(response, 200, { file, text, version } satisfies FileReply);
        },
      ],
      [
        /^\/api\/history$/,
        async ({ response }) => {
          const current = ready(response);
          if (current === undefined) return;
          sendJson(response, 200, await historyOf(current));
        },
      ],
    ],
    writes: [
      {
        method: 'POST',
        pattern: /^\/api\/edit$/,
        async respond({ response, body }) {
          const current = ready(response);
          if (current === undefined) return;
          const request = editRequestSchema.safeParse(body);
          if (!request.success) {
            badRequest(response, request.error);
            return;
          }
          const { file, baseVersion, operations, text, label } = request.data;
          const edit: FileEdit = operations ?? { text: text ?? null };
          await sendChange(
            response,
            current,
            await current.change(label, [{ file, baseVersion, edit }]),
          );
        },
      },
      {
        method: 'POST',
        pattern: /^\/api\/undo$/,
        async respond({ response }) {
          const current = ready(response);
          if (current === undefined) return;
          await sendChange(response, current, await current.undo());
        },
      },
      {
        method: 'POST',
        pattern: /^\/api\/redo$/,
        async respond({ response }) {
          const current = ready(response);
          if (current === undefined) return;
          await sendChange(response, current, await current.redo());
        },
      },
    ],
  };
}

/** A request the server cannot read: 400, with zod's first complaint. */
export function badRequest(response: ServerResponse, error: z.ZodError | InputError): void {
  const message =
    error instanceof InputError
      ? error.message
      : error.issues
          .map((issue) => `${issue.path.join('.') || 'the body'}: ${issue.message}`)
          .join('; ');
  sendJson(response, 400, { ok: false, reason: 'bad-request', message } satisfies EditReply);
}

/** A change's result as the page reads it, with its HTTP status. */
export async function sendChange(
  response: ServerResponse,
  writer: DataWriter,
  result: ChangeResult,
): Promise<void> {
  if (result.ok) {
    sendJson(response, 200, {
      ok: true,
      versions: result.versions,
      change: result.change === null ? null : stepOf(result.change),
      history: await historyOf(writer),
    } satisfies EditReply);
    return;
  }
  switch (result.reason) {
    case 'conflict':
      sendJson(response, 409, { ok: false, reason: 'conflict', conflicts: result.conflicts });
      return;
    case 'invalid':
      sendJson(response, 422, {
        ok: false,
        reason: 'invalid',
        problem: problemOfDataIssues(result.issues, result.texts),
      } satisfies EditReply);
      return;
    case 'nothing':
      sendJson(response, 409, { ok: false, reason: 'nothing' } satisfies EditReply);
  }
}

/** The ends of a writer's history, as the page shows them on its undo and redo buttons. */
export async function historyOf(writer: DataWriter): Promise<HistoryReply> {
  const { undo, redo } = await writer.ends();
  return {
    undo: undo === undefined ? null : stepOf(undo),
    redo: redo === undefined ? null : stepOf(redo),
  };
}

function stepOf(entry: HistoryEntry): HistoryStep {
  return {
    id: entry.id,
    label: entry.label,
    at: entry.at,
    files: entry.files.map((file) => file.file),
  };
}
