import { Command } from 'commander';
import { z } from 'zod';
import { loadData } from '../../data/load.js';
import type { Dataset } from '../../data/load.js';
import { globalOptionsSchema, parseOptions } from '../options.js';
import { createStyle, shouldUseColor } from '../style.js';
import type { Style } from '../style.js';
import { escapeDeep, stringifyJson } from '../terminal-text.js';

const listOptionsSchema = globalOptionsSchema.extend({
  json: z.boolean().default(false),
});

/** `excerpt list [--json]`: campaigns with their posts, interviews with their Q&As. */
export function listCommand(): Command {
  return new Command('list')
    .description('list campaigns, their posts, interviews and Q&A ids')
    .option('--json', 'print {campaigns, interviews} as JSON, in the data model’s shape')
    .action(async (_options: unknown, command: Command) => {
      const options = parseOptions(listOptionsSchema, command);
      const dataset = await loadData(options.data);
      if (options.json) {
        const { campaigns, interviews } = dataset;
        process.stdout.write(`${stringifyJson({ campaigns, interviews })}\n`);
      } else {
        process.stdout.write(formatList(dataset, createStyle(shouldUseColor(process.stdout))));
      }
    });
}

/**
 * The human listing: each campaign with its dated posts, then each interview with its Q&As.
 * Every text of the data is shown with its control characters escaped.
 */
export function formatList(
  dataset: Pick<Dataset, 'campaigns' | 'interviews'>,
  style: Style,
): string {
  const { campaigns, interviews } = escapeDeep({
    campaigns: dataset.campaigns,
    interviews: dataset.interviews,
  });
  const lines: string[] = [];
  const partyOf = new Map(interviews.map((interview) => [interview.id, interview.party]));

  lines.push(style.bold(`Campaigns (${campaigns.length})`));
  if (campaigns.length === 0) lines.push(style.dim('  none yet'));
  for (const campaign of campaigns) {
    lines.push(
      `  ${style.bold(campaign.id)}  ${campaign.title} ${campaign.marker}  ${style.dim(
        `theme ${campaign.theme}, ${campaign.format}, ${campaign.time}, ${count(campaign.posts.length, 'post')}`,
      )}`,
    );
    const partyWidth = Math.max(
      0,
      ...campaign.posts.map((post) => (partyOf.get(post.interview) ?? '').length),
    );
    for (const post of campaign.posts) {
      const party = (partyOf.get(post.interview) ?? '?').padEnd(partyWidth);
      lines.push(`    ${post.date}  ${party}  ${post.qa.join(', ')}  ${style.dim(post.interview)}`);
    }
  }

  lines.push('', style.bold(`Interviews (${interviews.length})`));
  if (interviews.length === 0) lines.push(style.dim('  none yet'));
  for (const interview of interviews) {
    const { name, role } = interview.interviewee;
    lines.push(
      `  ${style.bold(interview.id)}  ${interview.party}: ${name}, ${role}  ${style.dim(
        `published ${interview.publishedOn}`,
      )}`,
    );
    const idWidth = Math.max(...interview.qa.map((qa) => qa.id.length));
    for (const qa of interview.qa) {
      lines.push(`    ${qa.id.padEnd(idWidth)}  ${firstWords(qa.question)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The start of a question, cut at a word boundary: enough to recognise it in a list. */
function firstWords(text: string, maxLength = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength + 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 0 ? cut.slice(0, lastSpace) : flat.slice(0, maxLength)).replace(/[,;:]$/, '')} …`;
}

function count(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}
