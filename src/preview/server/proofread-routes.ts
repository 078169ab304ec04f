import { z } from 'zod';
import { checkSpelling } from '../../check/spelling-check.js';
import { inspectData } from '../../data/load.js';
import { wordListPath } from '../edits/data-files.js';
import type { DataWriter } from '../edits/data-writer.js';
import type { ProofreadReply } from '../page-protocol.js';
import { badRequest, sendChange } from './edit-routes.js';
import { notFound, sendJson, type Route, type WriteRoute } from './http.js';

const addWordSchema = z.object({
  word: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{M}\p{N}'’-]{1,60}$/u, { message: 'is not one word' }),
});

/**
 * Proofreading in place: GET /api/proofread gives an interview's questions and answers as the
 * data holds them with `check`'s spelling findings at their words; POST /api/words adds a word
 * to the word list. Fixes themselves go through POST /api/edit.
 */
export function proofreadRoutes(writer: () => DataWriter | undefined): {
  reads: Route[];
  writes: WriteRoute[];
} {
  return {
    reads: [
      [
        /^\/api\/proofread$/,
        async ({ response, query }) => {
          const current = writer();
          if (current === undefined) return sendJson(response, 503, { ok: false });
          const id = query.get('interview') ?? '';
          const inspection = await inspectData(current.dataDir);
          const found = inspection.parsed.interviews.find((source) => source.value.id === id);
          if (found === undefined) return notFound(response);
          const spelling = await checkSpelling(inspection.parsed);
          const file = `interviews/${id}.yaml`;
          const [interviewFile, words] = await Promise.all([
            current.read(file),
            current.read(wordListPath),
          ]);
          sendJson(response, 200, {
            interview: id,
            file,
            version: interviewFile.version,
            qa: found.value.qa,
            spelling: spelling.issues
              .filter((issue) => issue.code === 'spelling' && issue.file === found.file)
              .filter((issue) => issue.path?.[0] === 'qa')
              .map((issue) => ({
                path: [...(issue.path ?? [])],
                word: issue.word ?? '',
                suggestions: issue.suggestions ?? [],
              })),
            wordsVersion: words.version,
          } satisfies ProofreadReply);
        },
      ],
    ],
    writes: [
      {
        method: 'POST',
        pattern: /^\/api\/words$/,
        async respond({ response, body }) {
          const current = writer();
          if (current === undefined) return sendJson(response, 503, { ok: false });
          const request = addWordSchema.safeParse(body);
          if (!request.success) return badRequest(response, request.error);
          const { word } = request.data;
          const { text, version } = await current.read(wordListPath);
          const before = text ?? '';
          const lines = before.split(/\r?\n/);
          const after = lines.includes(word)
            ? before
            : `${before}${before === '' || before.endsWith('\n') ? '' : '\n'}${word}\n`;
          const change = await current.change(`Ordlistan: ${word}`, [
            { file: wordListPath, baseVersion: version, edit: { text: after } },
          ]);
          await sendChange(response, current, change);
        },
      },
    ],
  };
}
