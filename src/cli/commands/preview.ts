import { Command } from 'commander';
import { z } from 'zod';
import { formatLocated } from '../../issue.js';
import type { PreviewEvent } from '../../preview/preview-event.js';
import { startPreview } from '../../preview/preview-server.js';
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

const previewOptionsSchema = globalOptionsSchema.extend({
  port: wholeNumberOption(0, 65535, ' (0: any free port)').default(4173),
  host: textOption('an address, e.g. 127.0.0.1').default('127.0.0.1'),
  image: imageOption().default('jpeg'),
  svg: z.boolean().default(false),
});

/** `excerpt preview`: the local preview page, following every edit of data/ and templates/. */
export function previewCommand(): Command {
  return new Command('preview')
    .description('serve a live preview of every post, as on a phone, following every edit')
    .option('--port <n>', 'port to listen on, 0 for any free one (default: 4173)')
    .option('--host <address>', 'address to listen on (default: 127.0.0.1, this machine only)')
    .option('--image <type>', 'image type of the slides: jpeg or png', 'jpeg')
    .option('--svg', 'accepted as for render and build; the preview shows images only')
    .action(async (_options: unknown, command: Command) => {
      const options = parseOptions(previewOptionsSchema, command);
      const style = createStyle(shouldUseColor(process.stdout));
      const server = await startPreview({
        dataDir: options.data,
        outDir: options.out,
        loadTemplates,
        port: options.port,
        host: options.host,
        image: options.image,
        onEvent: (event) => process.stdout.write(describeEvent(event, style)),
      });
      process.stdout.write(
        `${style.green('✓')} Preview at ${style.bold(escapeControls(server.url))}  ${style.dim('(Ctrl+C stops it)')}\n`,
      );
      if (options.host !== '127.0.0.1' && options.host !== 'localhost') {
        process.stdout.write(
          `${style.yellow('!')} Listening on ${escapeControls(options.host)}: other machines may see the data\n`,
        );
      }
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
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
