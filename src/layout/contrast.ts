import type { Surface, Theme } from '../data/schema.js';

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const channel = (offset: number): number => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** PRODUCT.md: 4.5:1 for text, 3:1 for large text (72 px, or 56 px bold). */
export const minimumContrast = { text: 4.5, large: 3 } as const;

export interface ContrastPair {
  surface: 'light' | 'dark';
  role: Exclude<keyof Surface, 'background'>;
  foreground: string;
  background: string;
  ratio: number;
  /** The least ratio this pair must reach. */
  required: number;
}

/**
 * Every text colour of a theme against its background. All roles are held to 4.5:1: each is
 * used at label size somewhere (the accent draws the 28 px slide number and swipe cue).
 */
export function themeContrast(theme: Theme): ContrastPair[] {
  return (['light', 'dark'] as const).flatMap((surface) =>
    (['text', 'muted', 'accent'] as const).map((role) => {
      const foreground = theme[surface][role];
      const background = theme[surface].background;
      return {
        surface,
        role,
        foreground,
        background,
        ratio: contrastRatio(foreground, background),
        required: minimumContrast.text,
      };
    }),
  );
}
