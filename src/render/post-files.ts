import type { ImageFormat } from './rasterize.js';

/** The file names of slide `index` (from 0): `01.jpg`, and `01.svg` when SVGs are kept. */
export function slideFileNames(
  index: number,
  options: { image: ImageFormat; svg: boolean },
): { image: string; svg: string | undefined } {
  const base = String(index + 1).padStart(2, '0');
  return {
    image: `${base}.${options.image === 'png' ? 'png' : 'jpg'}`,
    svg: options.svg ? `${base}.svg` : undefined,
  };
}

/** Every file a post of `slides` slides writes into its folder. */
export function postFileNames(
  slides: number,
  options: { image: ImageFormat; svg: boolean },
): string[] {
  const names: string[] = [];
  for (let index = 0; index < slides; index++) {
    const { image, svg } = slideFileNames(index, options);
    names.push(image, ...(svg === undefined ? [] : [svg]));
  }
  return [...names, 'post.json', 'caption.txt', 'alt.txt'];
}
