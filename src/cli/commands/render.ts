import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { inspectData, loadBrand, loadData, loadInterviewFile } from '../../data/load.js';
import type { Campaign, Interview } from '../../data/schema.js';
import { formatSchema } from '../../data/schema.js';
import { InputError } from '../../errors.js';
import type { PostSpec } from '../../render/render-post.js';
import {
  choiceOption,
  globalOptionsSchema,
  imageOption,
  listOr,
  parseOptions,
  textOption,
} from '../options.js';
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
      const [{ assertWritable, writeFolder }, { lockOutputFolder }, { hashOfPost }, post] =
        await Promise.all([
          import('../../render/output.js'),
          import('../../render/output-lock.js'),
          import('../../render/post-hash.js'),
          import('../../render/render-post.js'),
        ]);
      const spec = await resolveSpec(target, options);
      const planned = await post.planPost(spec);
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

type RenderOptions = z.infer<typeof renderOptionsSchema>;

function isFileTarget(target: string): boolean {
  return /\.ya?ml$/i.test(target) || existsSync(target);
}

/** Finds the interview, its campaign (for theme, marker, hashtags) and the Q&As to show. */
async function resolveSpec(target: string, options: RenderOptions): Promise<PostSpec> {
  const { partiesOf, resolveTheme, scheduledPostOf } = await import('../../render/post-spec.js');
  let interview: Interview;
  let interviewFile: string;
  let campaign: Campaign | undefined;
  let campaignParties: string[] = [];
  let brand;
  let brandFile = join(options.data, 'brand.yaml');
  if (isFileTarget(target)) {
    interviewFile = target;
    interview = await loadInterviewFile(target);
    brand = await loadBrand(options.data);
    // The campaign, when the data folder has it and is valid, gives the theme and hashtags.
    const { dataset } = await inspectData(options.data);
    campaign = dataset?.campaigns.find((candidate) => candidate.id === interview.campaign);
    if (dataset !== undefined) campaignParties = partiesOf(dataset, interview.campaign);
  } else {
    const dataset = await loadData(options.data);
    const found = dataset.interviews.find((candidate) => candidate.id === target);
    if (found === undefined) {
      throw new InputError(`no interview with id ${target} in ${options.data}`, {
        hint: `use one of ${dataset.interviews.map((candidate) => candidate.id).join(', ')}, or a path to a .yaml file`,
      });
    }
    interview = found;
    interviewFile = dataset.fileOf.interview(found.id);
    brand = dataset.brand;
    brandFile = dataset.fileOf.brand;
    campaign = dataset.campaigns.find((candidate) => candidate.id === interview.campaign);
    campaignParties = partiesOf(dataset, interview.campaign);
  }
  const themeName = options.theme ?? campaign?.theme;
  if (themeName === undefined) {
    throw new InputError(
      `${interviewFile}: campaign ${interview.campaign} is not in ${options.data}, so there is no theme to use`,
      {
        hint: `add --theme (one of ${Object.keys(brand.themes).join(', ')})`,
      },
    );
  }
  const scheduled = scheduledPostOf(campaign, interview);
  const qaIds = options.qa ?? scheduled?.qa;
  if (qaIds === undefined || qaIds.length === 0) {
    throw new InputError(`${interviewFile}: which Q&As should the carousel show?`, {
      hint: `add --qa with ids among ${interview.qa.map((qa) => qa.id).join(', ')}, e.g. --qa q1,q2`,
    });
  }
  return {
    brand,
    campaign: {
      id: interview.campaign,
      title: campaign?.title ?? interview.campaign,
      marker: campaign?.marker ?? '',
      subtitle: campaign?.subtitle,
      time: campaign?.time ?? '08:00',
      hashtags: campaign?.hashtags ?? [],
    },
    themeName,
    theme: resolveTheme(brand, themeName, brandFile),
    interview,
    interviewFile,
    campaignParties,
    qaIds,
    date: scheduled?.date ?? interview.publishedOn,
    format: options.format ?? campaign?.format ?? 'square',
  };
}
