import { relativeLuminance, themeContrast } from '../layout/contrast.js';
import type { ContrastPair } from '../layout/contrast.js';
import { inBothLanguages, type Issue, type Said } from '../issue.js';
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
        .map((pair): Issue => {
          const { message, hint } = describeContrast(pair);
          return {
            code: 'contrast',
            severity: 'error',
            file,
            path: ['themes', name, pair.surface, pair.role],
            ...inBothLanguages(message, hint),
          };
        }),
    );
    return { issues };
  },
};

/**
 * Each role in Swedish: the text it draws, and its colour, named by the field too, as the
 * field (`themes.pride.light.muted`) is what the communicator edits.
 */
const roleInSwedish: Record<ContrastPair['role'], { text: string; colour: string }> = {
  text: { text: 'vanlig text (text)', colour: 'textfärgen (text)' },
  muted: { text: 'dämpad text (muted)', colour: 'den dämpade färgen (muted)' },
  accent: { text: 'text i accentfärgen (accent)', colour: 'accentfärgen (accent)' },
};

/** What is said of a pair with too little contrast, and which way to move its colours. */
function describeContrast(pair: ContrastPair): { message: Said; hint: Said } {
  const role = roleInSwedish[pair.role];
  const darkText = relativeLuminance(pair.background) >= relativeLuminance(pair.foreground);
  return {
    message: {
      en: `${pair.foreground} on ${pair.background} has a contrast of ${formatRatio(pair.ratio)}; ${pair.role} text needs at least ${formatRatio(pair.required)}`,
      sv: `${pair.foreground} på ${pair.background} har kontrasten ${formatSwedishRatio(pair.ratio)}; ${role.text} behöver minst ${formatSwedishRatio(pair.required)}`,
    },
    hint: darkText
      ? {
          en: `darken the ${pair.role} colour, or lighten the background`,
          sv: `gör ${role.colour} mörkare, eller bakgrunden ljusare`,
        }
      : {
          en: `lighten the ${pair.role} colour, or darken the background`,
          sv: `gör ${role.colour} ljusare, eller bakgrunden mörkare`,
        },
  };
}

/** `4.5:1`, `2.31:1`: rounded down, so a ratio just short of the minimum never reads as it. */
function formatRatio(ratio: number): string {
  return `${Math.floor(ratio * 100) / 100}:1`;
}

/** The same ratio as Swedish writes a decimal: `4,5:1`, `2,31:1`. */
function formatSwedishRatio(ratio: number): string {
  return formatRatio(ratio).replace('.', ',');
}
