import { relative, sep } from 'node:path';
import { z } from 'zod';
import { flagImportLines } from '../../data/import-flags.js';
import { importPage, type ImportResult } from '../../data/import-page.js';
import { planImport } from '../../data/write-import.js';
import { AppError } from '../../errors.js';
import { fieldPlaceInSwedish } from '../../data/field-place.js';
import { formatPath } from '../../issue.js';
import { versionOf } from '../edits/data-files.js';
import type { DataWriter } from '../edits/data-writer.js';
import type { ImportedInterview, ImportPreviewReply } from '../page-protocol.js';
import { problemOfError } from '../problem.js';
import { badRequest, sendChange } from './edit-routes.js';
import { sendJson, type WriteRoute } from './http.js';

const importRequestSchema = z.object({
  text: z.string().max(8_000_000),
  source: z.string().max(200).optional(),
});

/**
 * The import view's routes: POST /api/import/preview reads a pasted page and says what saving
 * would do (nothing is written); POST /api/import/save writes it, merged as `excerpt import`
 * merges, as one change the history can undo. Both are POSTs for the size of a page.
 */
export function importRoutes(writer: () => DataWriter | undefined): WriteRoute[] {
  const read = (body: unknown): { text: string; source: string } | z.ZodError => {
    const request = importRequestSchema.safeParse(body);
    if (!request.success) return request.error;
    return { text: request.data.text, source: request.data.source ?? 'sidan' };
  };
  return [
    {
      method: 'POST',
      pattern: /^\/api\/import\/preview$/,
      async respond({ response, body }) {
        const current = writer();
        if (current === undefined)
          return sendJson(response, 503, { ok: false, reason: 'starting' });
        const request = read(body);
        if (request instanceof z.ZodError) return badRequest(response, request);
        const result = readPage(request.text, request.source);
        if (!('interviews' in result)) return sendJson(response, 422, result);
        sendJson(response, 200, await previewOf(result, request.text, current.dataDir));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/import\/save$/,
      async respond({ response, body }) {
        const current = writer();
        if (current === undefined)
          return sendJson(response, 503, { ok: false, reason: 'starting' });
        const request = read(body);
        if (request instanceof z.ZodError) return badRequest(response, request);
        const result = readPage(request.text, request.source);
        if (!('interviews' in result)) return sendJson(response, 422, result);
        const { files } = await planImport(result, { dataDir: current.dataDir });
        const count = files.length;
        const change = await current.change(
          `Import (${count} ${count === 1 ? 'fil' : 'filer'})`,
          files.map((file) => ({
            file: insideData(current.dataDir, file.path),
            baseVersion: versionOf(file.before),
            edit: { text: file.after },
          })),
        );
        await sendChange(response, current, change);
      },
    },
  ];
}

/** The page read, or why it cannot be (the importer names the line). */
function readPage(
  text: string,
  source: string,
): ImportResult | Extract<ImportPreviewReply, { reason: 'unreadable' }> {
  try {
    return importPage(text, { source });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      ok: false,
      reason: 'unreadable',
      problem: problemOfError(error, 'Sidan kunde inte läsas'),
    };
  }
}

async function previewOf(
  result: ImportResult,
  text: string,
  dataDir: string,
): Promise<ImportPreviewReply> {
  const { files, report } = await planImport(result, { dataDir });
  const interviews = result.interviews.map((interview): ImportedInterview => {
    const differing = report.differing.find((candidate) => candidate.id === interview.id);
    return {
      id: interview.id,
      file: `interviews/${interview.id}.yaml`,
      campaign: interview.campaign,
      party: interview.party,
      name: interview.interviewee.name,
      role: interview.interviewee.role,
      date: interview.publishedOn,
      questions: interview.qa.map((qa) => ({
        id: qa.id,
        question: qa.question,
        blocks: qa.answer.length,
      })),
      status: report.added.includes(interview.id) ? 'new' : differing ? 'differs' : 'same',
      differences: (differing?.differences ?? []).map((difference) => ({
        where: formatPath(difference.path),
        whereSv: fieldPlaceInSwedish(difference.path, difference.qa),
        ...(difference.data === undefined ? {} : { data: difference.data }),
        ...(difference.page === undefined ? {} : { page: difference.page }),
      })),
    };
  });
  const newFiles = new Set(
    files.filter((file) => file.before === null).map((file) => insideData(dataDir, file.path)),
  );
  return {
    ok: true,
    campaigns: result.campaigns.map((campaign) => ({
      ...campaign,
      isNew: newFiles.has(`campaigns/${campaign.id}.yaml`),
    })),
    interviews,
    flags: flagImportLines(text),
  };
}

/** A path inside the data folder as the write API names it: `interviews/x/y.yaml`. */
function insideData(dataDir: string, path: string): string {
  return relative(dataDir, path).split(sep).join('/');
}
