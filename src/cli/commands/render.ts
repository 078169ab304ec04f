import { join } from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { formatSchema } from '../../data/schema.js';
import {
  choiceOption,
  globalOptionsSchema,
  imageOption,
  listOr,
  parseOptions,
  textOption,
} from '../options.js';
import { loadTemplates } from '../templates.js';
import { escapeControls } from '../terminal-text.js';

const renderOptionsSchema = globalOptionsSchema.extend({
  qa: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    )
    .optional(),
  format: choiceOption(formatSchema.options, 'a format').optional(),
  theme: textOption('the name of a theme in brand.yaml').optional(),
  image: imageOption().default('jpeg'),
  svg: z.boolean().default(false),
});

/** `excerpt render <interview-id or file.yaml> --qa q1,q2`: one carousel into --out. */
export function renderCommand(): Command {
  return new Command('render')
    .description('render one carousel (slides, post.json, caption.txt, alt.txt) into --out')
    .argument('<interview>', 'an interview id (campaign/party) or an interview .yaml file')
    .option('--qa <ids>', 'the Q&A ids to include, comma-separated (default: the scheduled post’s)')
    .option(
      '--format <format>',
      `slide format: ${listOr(formatSchema.options)} (default: the campaign’s)`,
    )
    .option('--theme <theme>', 'theme from brand.yaml (default: the campaign’s)')
    .option('--image <type>', 'image type of the slides: jpeg or png', 'jpeg')
    .option('--svg', 'also keep each slide’s SVG')
    .action(async (target: string, _options: unknown, command: Command) => {
      const options = parseOptions(renderOptionsSchema, command);
      // Imported here, not at the top: every other command starts without the render stack.
      const [
        { assertWritable, writeFolder },
        { lockOutputFolder },
        { hashOfPost },
        post,
        templates,
        { loadPostSource },
        { resolvePost },
      ] = await Promise.all([
        import('../../render/output.js'),
        import('../../render/output-lock.js'),
        import('../../render/post-hash.js'),
        import('../../render/render-post.js'),
        loadTemplates(),
        import('../../render/post-source.js'),
        import('../../render/post-spec.js'),
      ]);
      const spec = resolvePost(await loadPostSource(options.data, target), {
        qaIds: options.qa,
        format: options.format,
        theme: options.theme,
      });
      const planned = await post.planPost(spec, templates);
      // --out is the user's folder (a link to one is fine): only the files are checked.
      const folder = { mayBeLink: true };
      const lock = await lockOutputFolder(options.out);
      let rendered: Awaited<ReturnType<typeof post.drawPost>>;
      let written: string[];
      try {
        const names = post.postFileNames(planned.slides.length, options);
        await assertWritable(options.out, names, folder);
        rendered = await post.drawPost(planned, { image: options.image, svg: options.svg });
        lock.assertHeld();
        written = await writeFolder(options.out, rendered.files, hashOfPost(spec, options), folder);
      } finally {
        await lock.release();
      }
      for (const name of rendered.files.keys()) {
        process.stdout.write(
          `${escapeControls(join(options.out, name))}${written.includes(name) ? '' : ' (unchanged)'}\n`,
        );
      }
      process.stdout.write(
        `${rendered.post.slides.length} slides, ${spec.format}, ${escapeControls(spec.themeName)}\n`,
      );
    });
}
