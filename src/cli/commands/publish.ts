import { Command } from 'commander';
import { z } from 'zod';
import { isoDateSchema } from '../../data/schema.js';
import { InputError } from '../../errors.js';
import type { PublishEvent } from '../../publish/publish.js';
import type { PostReport, PublishReport } from '../../publish/run-report.js';
import { defaultApiUrl } from '../../publish/graph-client.js';
import { globalOptionsSchema, parseOptions } from '../options.js';
import { createStyle, shouldUseColor, type Style } from '../style.js';

/** An http(s) URL; no query, fragment or password, which have no place in a base URL. */
const urlSchema = z.string({ message: 'is needed' }).transform((text, context) => {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    context.addIssue({ code: 'custom', message: 'is not a URL; give http(s)://…' });
    return z.NEVER;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    context.addIssue({ code: 'custom', message: 'is not an http(s) URL' });
    return z.NEVER;
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    context.addIssue({
      code: 'custom',
      message: 'has a query, a fragment or a password; give the plain URL',
    });
    return z.NEVER;
  }
  return url;
});

const nowSchema = z.string().transform((text, context) => {
  const isIso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text);
  const time = Date.parse(text);
  if (!isIso || Number.isNaN(time)) {
    context.addIssue({
      code: 'custom',
      message:
        'is not a time written YYYY-MM-DDTHH:MM with its offset, e.g. 2020-12-16T08:00+01:00',
    });
    return z.NEVER;
  }
  return new Date(time);
});

const publishOptionsSchema = globalOptionsSchema
  .extend({
    due: z.boolean().default(false),
    only: isoDateSchema.optional(),
    baseUrl: urlSchema,
    apiUrl: urlSchema.optional(),
    now: nowSchema.optional(),
    since: nowSchema.optional(),
    dryRun: z.boolean().default(false),
    json: z.boolean().default(false),
  })
  .refine((options) => options.due !== (options.only !== undefined), {
    message: 'give either --due (every post whose time has come) or --only YYYY-MM-DD',
  })
  .refine((options) => options.since === undefined || options.due, {
    message: '--since goes with --due (posts due since that time)',
  });

/**
 * `excerpt publish`: built posts onto Instagram at their dates, through the Graph API, never
 * twice. Run with --due from cron or a systemd timer every few minutes.
 */
export function publishCommand(): Command {
  return new Command('publish')
    .description(
      'publish built posts to Instagram through the Graph API, each exactly once; token from INSTAGRAM_ACCESS_TOKEN, account from INSTAGRAM_USER_ID or brand.yaml',
    )
    .argument('[campaign-id...]', 'campaigns to publish from (default: all)')
    .option(
      '--due',
      'every built post whose time has come (within the last 24 hours, or --since) and that is not published yet',
    )
    .option('--only <date>', 'the posts of this date, YYYY-MM-DD, whatever their time')
    .option('--base-url <url>', 'where the contents of --out are served publicly, http(s)://…')
    .option('--api-url <url>', `the Graph API (default: ${defaultApiUrl})`)
    .option('--now <time>', 'the time to take as now, ISO 8601 with its offset (default: now)')
    .option(
      '--since <time>',
      'with --due: also posts due since this time, ISO 8601 with its offset (default: 24 hours before now)',
    )
    .option('--dry-run', 'check everything and say what would be published; send nothing')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nThe ledger, <data>/publish/<campaign>.json, records every step: a rerun resumes and never\npublishes a post twice. Deleting out/ is safe. See the README, Publishing.\n',
    )
    .action(async (campaigns: string[], _options: unknown, command: Command) => {
      const options = parseOptions(publishOptionsSchema, command);
      const [{ publishPosts }, { timingFromEnv }] = await Promise.all([
        import('../../publish/publish.js'),
        import('../../publish/timing.js'),
      ]);
      const progress = createProgress();
      const report = await publishPosts({
        data: options.data,
        out: options.out,
        campaigns,
        select:
          options.only === undefined
            ? { due: true, ...(options.since === undefined ? {} : { since: options.since }) }
            : { only: options.only },
        baseUrl: options.baseUrl,
        apiUrl: (options.apiUrl?.href ?? defaultApiUrl).replace(/\/+$/, ''),
        now: options.now ?? new Date(),
        dryRun: options.dryRun,
        token: readToken(),
        userId: readUserId(),
        timing: timingFromEnv(),
        onEvent: progress,
      });
      if (options.json) {
        const { error, ...rest } = report;
        const json = {
          ...rest,
          ...(error === undefined ? {} : { error: { message: error.message, hint: error.hint } }),
        };
        process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      } else {
        process.stdout.write(formatReport(report, createStyle(shouldUseColor(process.stdout))));
      }
      if (report.error !== undefined) throw report.error;
    });
}

/** The token, trimmed (a copy from a file often ends in a newline); never printed. */
function readToken(): string | undefined {
  const token = process.env.INSTAGRAM_ACCESS_TOKEN?.trim();
  if (token === undefined || token === '') return undefined;
  // A header cannot carry it otherwise, and fetch's complaint would quote it.
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new InputError(
      'INSTAGRAM_ACCESS_TOKEN holds spaces, line breaks or other characters no token has',
      {
        hint: 'copy the token again, on one line, without quotes around it',
      },
    );
  }
  return token;
}

function readUserId(): string | undefined {
  const text = process.env.INSTAGRAM_USER_ID?.trim();
  if (text === undefined || text === '') return undefined;
  if (!/^\d{1,30}$/.test(text)) {
    throw new InputError(`INSTAGRAM_USER_ID="${text}" is not an account id`, {
      hint: 'it is the account’s numeric id, e.g. 17841400000000000 (see the README, Publishing)',
    });
  }
  return text;
}

/** Progress on stderr, a line a step: a publish run is read in a log as often as live. */
function createProgress(): (event: PublishEvent) => void {
  const style = createStyle(shouldUseColor(process.stderr));
  return (event) => {
    switch (event.type) {
      case 'waiting':
        process.stderr.write(`waiting for another excerpt publish to finish (${event.dir}) …\n`);
        break;
      case 'verifying':
        process.stderr.write(
          `checking ${count(event.images, 'image')} of ${count(event.posts, 'post')} where they are served …\n`,
        );
        break;
      case 'step':
        process.stderr.write(`  ${style.dim(event.id)}: ${event.message}\n`);
        break;
    }
  };
}

const labels: Record<PostReport['status'], string> = {
  published: 'published',
  'already-published': 'already published',
  'would-publish': 'would publish',
  failed: 'failed',
  pending: 'not published',
  missed: 'missed its time',
};

/** A line a post, then a summary line. */
export function formatReport(report: PublishReport, style: Style): string {
  const lines: string[] = [];
  const width = Math.max(0, ...report.posts.map((post) => labels[post.status].length));
  for (const post of report.posts) {
    // Run from cron, --due meets every published post again and again: those are counted, not listed.
    if (report.select === 'due' && !report.dryRun && post.status === 'already-published') continue;
    const label = labels[post.status].padEnd(width);
    const mark =
      post.status === 'published'
        ? style.green('✓')
        : post.status === 'failed' || post.status === 'pending'
          ? style.red('✗')
          : style.dim('·');
    const coloured =
      post.status === 'published'
        ? style.green(label)
        : post.status === 'failed' || post.status === 'pending'
          ? style.red(label)
          : style.dim(label);
    const where = post.permalink ?? (post.mediaId === undefined ? '' : `media ${post.mediaId}`);
    lines.push(
      `${mark} ${coloured}  ${post.id}  ${style.dim(post.publishAt)}${where === '' ? '' : `  ${where}`}`,
    );
    if (post.note !== undefined) lines.push(`    ${style.dim(post.note)}`);
    if (post.error !== undefined) lines.push(`    ${post.error.message}`);
  }
  const tally = new Map<string, number>();
  for (const post of report.posts)
    tally.set(labels[post.status], (tally.get(labels[post.status]) ?? 0) + 1);
  const summary = [...tally].map(([label, n]) => `${n} ${label}`).join(', ');
  if (report.posts.length === 0) {
    lines.push(style.dim('nothing is due'));
  } else {
    lines.push(`${report.dryRun ? 'dry run, nothing sent: ' : ''}${summary}`);
  }
  if (report.quota !== undefined) {
    lines.push(
      style.dim(
        `publishing limit: ${report.quota.used} of ${report.quota.total} used in the last 24 hours (at the start)`,
      ),
    );
  }
  if (report.next !== undefined) {
    lines.push(style.dim(`next: ${report.next.id} at ${report.next.publishAt}`));
  }
  return `${lines.join('\n')}\n`;
}

function count(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}
