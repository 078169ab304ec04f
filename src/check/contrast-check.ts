import { relativeLuminance, themeContrast } from '../layout/contrast.js';
import type { Check } from './check.js';
import type { Finding } from './finding.js';

/** Every text colour of every theme in brand.yaml against its background (PRODUCT.md, legible). */
export const contrastCheck: Check = {
  name: 'contrast',
  needs: 'files',
  run(data) {
    if (data.brand === undefined) return { errors: [], warnings: [] };
    const { file, value: brand } = data.brand;
    const errors = Object.entries(brand.themes).flatMap(([name, theme]) =>
      themeContrast(theme)
        .filter((pair) => pair.ratio < pair.required)
        .map((pair): Finding => ({
          code: 'contrast',
          message: `${pair.foreground} on ${pair.background} has a contrast of ${formatRatio(pair.ratio)}; ${pair.role} text needs at least ${formatRatio(pair.required)}`,
          file,
          where: `themes.${name}.${pair.surface}.${pair.role}`,
          hint:
            relativeLuminance(pair.background) >= relativeLuminance(pair.foreground)
              ? `darken the ${pair.role} colour, or lighten the background`
              : `lighten the ${pair.role} colour, or darken the background`,
        })),
    );
    return { errors, warnings: [] };
  },
};

/** `4.5:1`, `2.31:1`: rounded down, so a ratio just short of the minimum never reads as it. */
function formatRatio(ratio: number): string {
  return `${Math.floor(ratio * 100) / 100}:1`;
}
