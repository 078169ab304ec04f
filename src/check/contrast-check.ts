import { relativeLuminance, themeContrast } from '../layout/contrast.js';
import type { Issue } from '../issue.js';
import type { Check } from './check.js';

/** Every text colour of every theme in brand.yaml against its background (PRODUCT.md, legible). */
export const contrastCheck: Check = {
  name: 'contrast',
  needs: 'files',
  run(data) {
    if (data.brand === undefined) return { issues: [] };
    const { file, value: brand } = data.brand;
    const issues = Object.entries(brand.themes).flatMap(([name, theme]) =>
      themeContrast(theme)
        .filter((pair) => pair.ratio < pair.required)
        .map((pair): Issue => ({
          code: 'contrast',
          severity: 'error',
          message: `${pair.foreground} on ${pair.background} has a contrast of ${formatRatio(pair.ratio)}; ${pair.role} text needs at least ${formatRatio(pair.required)}`,
          file,
          path: ['themes', name, pair.surface, pair.role],
          hint:
            relativeLuminance(pair.background) >= relativeLuminance(pair.foreground)
              ? `darken the ${pair.role} colour, or lighten the background`
              : `lighten the ${pair.role} colour, or darken the background`,
        })),
    );
    return { issues };
  },
};

/** `4.5:1`, `2.31:1`: rounded down, so a ratio just short of the minimum never reads as it. */
function formatRatio(ratio: number): string {
  return `${Math.floor(ratio * 100) / 100}:1`;
}
