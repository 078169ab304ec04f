import { availableParallelism } from 'node:os';
import { Command } from 'commander';
import { z } from 'zod';
import { formatSchema } from '../../data/schema.js';
import type { BuildEvent } from '../../render/build.js';
import {
  choiceOption,
  dateOption,
  globalOptionsSchema,
  imageOption,
  listOr,
  parseOptions,
  wholeNumberOption,
} from '../options.js';
import { createStyle, shouldUseColor } from '../style.js';
import { loadTemplates, templatesUrl } from '../templates.js';
import { escapeControls, escapeDeep } from '../terminal-text.js';

/**
 * Drawing threads by default: one a core where there are more than two. Each worker pays for
 * its own satori, fonts and warm-up (~1 s of CPU, ~60 MB); on two cores the main thread (satori)
 * and libuv's pool (resvg, sharp) keep both cores busy already, and workers only add that cost.
 */
const defaultThreads = availableParallelism() > 2 ? availableParallelism() : 0;

const buildOptionsSchema = globalOptionsSchema.extend({
  only: dateOption().optional(),
  format: choiceOption(formatSchema.options, 'a format').optional(),
  force: z.boolean().default(false),
  jobs: wholeNumberOption(1, 32).default(3),
  threads: wholeNumberOption(0, 64).default(defaultThreads),
  image: imageOption().default('jpeg'),
  svg: z.boolean().default(false),
});

/** `excerpt build [campaign-id…]`: every scheduled post, with a progress display. */
export function buildCommand(): Command {
  return new Command('build')
    .description('render every scheduled post of the campaigns (all when none is named) into --out')
    .argument('[campaign-id...]', 'campaigns to build (default: all)')
    .option('--only <date>', 'only the posts of this date, YYYY-MM-DD')
    .option(
      '--format <format>',
      `slide format: ${listOr(formatSchema.options)} (default: each campaign’s)`,
    )
    .option('--force', 'render every post again, ignoring the cache')
    .option(
      '--jobs <n>',
      `slides drawn at once, 1 to 32 (default: 3 on this ${availableParallelism()}-core machine)`,
    )
    .option(
      '--threads <n>',
      `drawing worker threads, 0 to 64; 0 draws on the main thread (default: ${defaultThreads} on this ${availableParallelism()}-core machine)`,
    )
    .option('--image <type>', 'image type of the slides: jpeg or png', 'jpeg')
    .option('--svg', 'also keep each slide’s SVG')
    .action(async (campaigns: string[], _options: unknown, command: Command) => {
      const options = parseOptions(buildOptionsSchema, command);
      const started = performance.now();
      const progress = createProgress(started);
      // Imported here, not at the top: every other command starts without the render stack.
      const [{ loadData }, { buildCampaigns }] = await Promise.all([
        import('../../data/load.js'),
        import('../../render/build.js'),
      ]);
      const dataset = await loadData(options.data);
      const summary = await buildCampaigns(
        dataset,
        { ...options, campaigns, loadTemplates, templatesUrl: templatesUrl() },
        progress.onEvent,
      );
      progress.end();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const style = createStyle(shouldUseColor(process.stdout));
      const { rendered, unchanged } = summary.posts;
      process.stdout.write(
        `${style.green('✓')} ${rendered + unchanged} posts (${rendered} rendered, ${unchanged} unchanged), ` +
          `${summary.slidesRendered} slides drawn in ${seconds} s\n`,
      );
      for (const campaign of summary.campaigns) {
        process.stdout.write(`  ${escapeControls(campaign.dir)}  ${campaign.posts} posts\n`);
      }
    });
}

/**
 * Progress on stderr: one line redrawn in place at a terminal, plain lines when stderr is not a
 * TTY or under CI (logs read top to bottom).
 */
function createProgress(started: number): {
  onEvent: (event: BuildEvent) => void;
  end: () => void;
} {
  const isLive = process.stderr.isTTY === true && process.env.CI === undefined;
  const style = createStyle(shouldUseColor(process.stderr));
  let total = 0;
  let done = 0;
  let slides = 0;
  let slideTotal = 0;
  const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const redraw = (): void => {
    if (!isLive) return;
    process.stderr.write(
      `\r\u001b[2K${style.dim('building')} ${done}/${total} posts · ${slides}/${slideTotal} slides · ${elapsed()}`,
    );
  };
  const line = (text: string): void => {
    if (isLive) process.stderr.write('\r\u001b[2K');
    process.stderr.write(`${text}\n`);
    redraw();
  };
  return {
    onEvent(raw) {
      // Folders are named after the data and --out: shown with control characters escaped.
      const event = escapeDeep(raw);
      switch (event.type) {
        case 'waiting':
          line(`waiting for another excerpt run to finish writing into ${event.dir} …`);
          break;
        case 'planned':
          total = event.posts;
          slideTotal = event.slides;
          line(
            `${event.posts} posts, ${event.toRender} to render (${event.slides} slides), the rest unchanged`,
          );
          break;
        case 'post':
          done++;
          slides += event.slides;
          if (event.status === 'rendered' || !isLive) {
            line(
              `  ${event.status === 'rendered' ? style.green('rendered ') : style.dim('unchanged')} ${event.campaign}/${event.folder}${event.slides > 0 ? ` (${event.slides} slides)` : ''}`,
            );
          } else redraw();
          break;
        case 'campaign':
          line(
            `  ${event.status === 'written' ? style.green('written  ') : style.dim(event.status.padEnd(9))} ${event.dir}/ manifest, schedule, contact sheet`,
          );
          break;
      }
    },
    end() {
      if (isLive) process.stderr.write('\r\u001b[2K');
    },
  };
}
