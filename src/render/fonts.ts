import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SatoriOptions } from 'satori';
import { fontsDir } from '../paths.js';

type FontOptions = SatoriOptions['fonts'][number];

/** The one family every slide uses (PRODUCT.md: one typeface family). */
export const fontFamily = 'Source Sans 3';

/** Static font files, bundled under fonts/ (OFL): satori draws only a variable font's default. */
export const fontFiles = [
  { file: 'source-sans-3/SourceSans3-Regular.ttf', weight: 400 },
  { file: 'source-sans-3/SourceSans3-Semibold.ttf', weight: 600 },
  { file: 'source-sans-3/SourceSans3-Bold.ttf', weight: 700 },
] as const;

let loaded: FontOptions[] | undefined;

/**
 * Loads the bundled fonts once per process. satori caches parsed fonts by Buffer identity, so
 * handing it the same buffers every call saves ~15 ms a slide.
 */
export function loadFonts(): FontOptions[] {
  loaded ??= fontFiles.map(({ file, weight }) => ({
    name: fontFamily,
    data: readFileSync(join(fontsDir, file)),
    weight,
    style: 'normal' as const,
  }));
  return loaded;
}
