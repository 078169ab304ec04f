import { parentPort } from 'node:worker_threads';
import { runChecks } from '../check/run-checks.js';
import { planScheduledPosts } from '../check/scheduled-posts.js';
import { templates } from '../../templates/index.js';
import type { CheckedData, CheckRequest, CheckWorkerReply } from './check-runner.js';

/**
 * Runs `excerpt check` over the data folder for the studio, in a thread of its own: laying out
 * every scheduled post and spell-checking every answer takes seconds, which the server's own
 * thread must spend answering the page.
 */

const port = parentPort;
if (port === null) throw new Error('check-worker.js runs as a worker thread');

port.on('message', (request: CheckRequest) => void check(request));

async function check({ id, dataDir }: CheckRequest): Promise<void> {
  let reply: CheckWorkerReply;
  try {
    const report = await runChecks(dataDir, { templates });
    const posts =
      report.dataset === undefined ? [] : await planScheduledPosts(report.dataset, templates);
    const data: CheckedData = {
      issues: [...report.errors, ...report.warnings],
      posts: posts.map(({ file, index, spec, layout }) => ({
        file,
        index,
        interview: spec.interview.id,
        date: spec.date,
        qa: [...spec.qaIds],
        slides: layout?.slides ?? null,
        perQa: layout?.perQa ?? [],
      })),
      campaigns: (report.dataset?.campaigns ?? []).map((campaign) => ({
        id: campaign.id,
        file: report.dataset?.fileOf.campaign(campaign.id) ?? '',
        theme: campaign.theme,
      })),
    };
    reply = { id, ok: true, data };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port?.postMessage(reply);
}
