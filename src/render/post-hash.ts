import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fontsDir } from '../paths.js';
import type { PostSpec } from './post-spec.js';
import type { RenderOptions } from './render-post.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

let codeHash: string | undefined;

/**
 * A hash of everything besides the data that decides how a post comes out: the templates, the
 * layout, slide and render code as they run (dist/ when built, the sources under tests), the
 * publish-time rules of post.json, and the fonts. Computed once per process. The templates
 * hashed are the package's own, the ones the commands hand to the renderer.
 */
export function hashOfCode(): string {
  if (codeHash === undefined) {
    // src/render/ → src/ (or dist/src/render/ → dist/src/); the templates sit beside it.
    const code = dirname(dirname(fileURLToPath(import.meta.url)));
    const hash = createHash('sha256');
    for (const file of [
      ...filesUnder(join(dirname(code), 'templates')),
      ...filesUnder(fontsDir),
      ...filesUnder(join(code, 'layout')),
      ...filesUnder(join(code, 'slide')),
      ...filesUnder(join(code, 'render')),
      ...filesUnder(join(code, 'data')).filter((file) => /publish-time\.[jt]s$/.test(file)),
    ]) {
      if (file.endsWith('.map')) continue;
      hash.update(file.slice(file.lastIndexOf('/') + 1)).update(readFileSync(file));
    }
    codeHash = hash.digest('hex');
  }
  return codeHash;
}

/**
 * The content hash of one post: its data (interview, campaign, brand, theme), the options it
 * is drawn with, and the code. Equal hashes mean byte-identical output, so an unchanged post is
 * neither re-rendered nor rewritten.
 */
export function hashOfPost(spec: PostSpec, options: Pick<RenderOptions, 'image' | 'svg'>): string {
  // Where the interview was read from does not change a pixel, nor the Instagram account posts
  // are published to. Every party of the campaign does (the cover's type size), but is hashed
  // once a campaign, not once a post.
  const data = {
    ...spec,
    brand: { ...spec.brand, instagram: undefined },
    interviewFile: undefined,
    campaignParties: spec.campaignParties && hashOfList(spec.campaignParties),
  };
  return createHash('sha256')
    .update(hashOfCode())
    .update(JSON.stringify({ data, image: options.image, svg: options.svg }))
    .digest('hex');
}

const listHashes = new WeakMap<readonly string[], string>();

function hashOfList(list: readonly string[]): string {
  let hash = listHashes.get(list);
  if (hash === undefined) {
    hash = createHash('sha256').update(JSON.stringify(list)).digest('hex');
    listHashes.set(list, hash);
  }
  return hash;
}
