import { spawn } from 'node:child_process';
import { Command } from 'commander';
import { z } from 'zod';
import { formatLocated } from '../../issue.js';
import type { PreviewEvent } from '../../preview/preview-event.js';
import {
  globalOptionsSchema,
  imageOption,
  parseOptions,
  textOption,
  wholeNumberOption,
} from '../options.js';
import { createStyle, shouldUseColor, type Style } from '../style.js';
import { loadTemplates } from '../templates.js';
import { escapeControls, escapeDeep } from '../terminal-text.js';

const studioOptionsSchema = globalOptionsSchema.extend({
  port: wholeNumberOption(0, 65535, ' (0: any free port)').default(4173),
  host: textOption('an address, e.g. 127.0.0.1').default('127.0.0.1'),
  image: imageOption().default('jpeg'),
  svg: z.boolean().default(false),
  open: z.boolean().default(false),
});

/**
 * `excerpt studio` (alias `preview`): the local studio page, where every job is done, following
 * every edit of data/ and templates/.
 */
export function studioCommand(): Command {
  return new Command('studio')
    .alias('preview')
    .description(
      'serve the studio: every post as on a phone, import, proofreading and more, following every edit',
    )
    .option('--port <n>', 'port to listen on, 0 for any free one (default: 4173)')
    .option('--host <address>', 'address to listen on (default: 127.0.0.1, this machine only)')
    .option('--image <type>', 'image type of the slides: jpeg or png', 'jpeg')
    .option('--svg', 'accepted as for render and build; the studio shows images only')
    .option('--open', 'open the studio in the browser (default: false)')
    .action(async (_options: unknown, command: Command) => {
      const options = parseOptions(studioOptionsSchema, command);
      // Said as the command was called: `excerpt preview` users read "Preview at".
      const name = command.parent?.args[0] === 'preview' ? 'Preview' : 'Studio';
      const style = createStyle(shouldUseColor(process.stdout));
      const { startPreview } = await import('../../preview/preview-server.js');
      const server = await startPreview({
        dataDir: options.data,
        outDir: options.out,
        loadTemplates,
        port: options.port,
        host: options.host,
        image: options.image,
        onEvent: (event) => process.stdout.write(describeEvent(event, style)),
      });
      // Listening for Ctrl+C before the address is printed: whoever reads it may stop us at once.
      const stopped = new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      process.stdout.write(
        `${style.green('✓')} ${name} at ${style.bold(escapeControls(server.url))}  ${style.dim('(Ctrl+C stops it)')}\n`,
      );
      if (options.open) {
        const failure = await openInBrowser(server.url);
        process.stdout.write(
          failure === undefined
            ? `${style.dim('Opening it in the browser…')}\n`
            : `${style.yellow('!')} Could not open a browser (${escapeControls(failure)}): open the address above yourself\n`,
        );
      }
      if (options.host !== '127.0.0.1' && options.host !== 'localhost') {
        process.stdout.write(
          `${style.yellow('!')} Listening on ${escapeControls(options.host)}: other machines may see the data\n`,
        );
      }
      await stopped;
      await server.close();
    });
}

/** One line for the terminal about what the preview did; the data's texts escaped. */
export function describeEvent(raw: PreviewEvent, style: Style): string {
  const event = escapeDeep(raw);
  const time = style.dim(new Date().toTimeString().slice(0, 8));
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  switch (event.type) {
    case 'data':
      return event.problems === 0
        ? `${time} data changed\n`
        : `${time} data changed: ${style.red(`${event.problems} ${event.problems === 1 ? 'problem' : 'problems'}`)}, shown in the page\n`;
    case 'templates':
      if (event.status === 'failed') {
        const [first] = event.problem.entries;
        const where = first === undefined ? '' : `: ${formatLocated(first)}`;
        return `${time} ${style.red(event.problem.title)}${where}\n`;
      }
      return `${time} templates ${event.status} in ${seconds(event.ms)}\n`;
    case 'rendered':
      return `${time} ${style.dim(`drew ${event.post} (${event.slides} slides) in ${seconds(event.ms)}`)}\n`;
    case 'warning':
      return `${time} ${style.yellow(event.message)}\n`;
  }
}

/**
 * Opens `url` with the platform's own opener (the default browser), never a browser of ours:
 * `open` on macOS, `start` on Windows, `xdg-open` elsewhere. Resolves with why it failed, if
 * it did; the studio runs on either way.
 */
export function openInBrowser(url: string): Promise<string | undefined> {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', (error) => resolve(error.message));
    child.once('spawn', () => {
      child.unref();
      resolve(undefined);
    });
  });
}
