import { z } from 'zod';
import { inspectData } from '../../data/load.js';
import { formatPath, type Issue } from '../../issue.js';
import type { CheckedData } from '../check-runner.js';
import { wordListPath } from '../edits/data-files.js';
import type { DataWriter } from '../edits/data-writer.js';
import type { PlacedFinding, ProofreadReply } from '../page-protocol.js';
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
export function proofreadRoutes(
  writer: () => DataWriter | undefined,
  checked: () => Promise<CheckedData> | undefined,
): {
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
          const checking = checked();
          if (checking === undefined) return sendJson(response, 503, { ok: false });
          const file = `interviews/${id}.yaml`;
          const [report, interviewFile, words] = await Promise.all([
            checking,
            current.read(file),
            current.read(wordListPath),
          ]);
          const placed = placeFindings(report, found.file, found.value.campaign, id);
          sendJson(response, 200, {
            interview: id,
            file,
            version: interviewFile.version,
            qa: found.value.qa,
            spelling: report.issues
              .filter((issue) => issue.code === 'spelling' && issue.file === found.file)
              .filter((issue) => issue.path?.[0] === 'qa')
              .map((issue) => ({
                path: [...(issue.path ?? [])],
                word: issue.word ?? '',
                suggestions: issue.suggestions ?? [],
              })),
            ...placed,
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

/**
 * check's findings about one interview, each placed where the Interview view shows it: a field
 * of the interview, the Q&As of one of its posts, or its campaign (the campaign's file, and the
 * brand's theme it is drawn in). Findings about other interviews' posts are left out.
 */
export function placeFindings(
  report: CheckedData,
  interviewFile: string,
  campaignId: string,
  interview: string,
): Pick<ProofreadReply, 'findings' | 'posts'> {
  const campaign = report.campaigns.find((candidate) => candidate.id === campaignId);
  const posts = report.posts.filter((post) => post.interview === interview);
  const findings: PlacedFinding[] = [];
  for (const issue of report.issues) {
    if (issue.code === 'spelling') continue;
    const base: PlacedFinding = {
      code: issue.code,
      severity: issue.severity,
      message: issue.message,
      ...(issue.hint === undefined ? {} : { hint: issue.hint }),
      ...(issue.sv === undefined ? {} : { sv: issue.sv }),
      ...(issue.file === undefined ? {} : { file: issue.file }),
      where: formatPath(issue.path),
    };
    if (issue.file === interviewFile) {
      findings.push(issue.path[0] === 'qa' ? atField(base, issue) : base);
    } else if (campaign !== undefined && issue.file === campaign.file) {
      if (issue.path[0] !== 'posts') {
        findings.push(base);
        continue;
      }
      const post = report.posts.find(
        (candidate) => candidate.file === issue.file && candidate.index === issue.path[1],
      );
      if (post?.interview === interview) findings.push({ ...base, qa: post.qa });
    } else if (issue.code === 'contrast') {
      // A theme's colours: shown with the campaigns drawn in that theme.
      const theme = String(issue.path[1]);
      if (theme === campaign?.theme) findings.push({ ...base, theme });
    } else if (issue.file === undefined || !issue.file.includes('/interviews/')) {
      findings.push(base);
    }
  }
  return {
    findings,
    posts: posts.map(({ date, slides, perQa }) => ({ date, slides, perQa })),
  };
}

function atField(base: PlacedFinding, issue: Issue): PlacedFinding {
  const codePoint = [...(issue.word ?? '')]
    .map((char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`)
    .join(' ');
  return {
    ...base,
    path: [...issue.path],
    ...(issue.word === undefined ? {} : { word: issue.word, codePoint }),
  };
}
