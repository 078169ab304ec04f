import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const twemojiDir = dirname(require.resolve('@twemoji/svg/package.json'));

const cache = new Map<string, string | undefined>();

/**
 * Twemoji names its files by lower-case hex code points joined by `-`, with U+FE0F dropped
 * except inside ZWJ sequences (🏳️‍🌈 keeps it): try the sequence as written, then without FE0F.
 */
function candidateNames(emoji: string): string[] {
  const points = [...emoji].map((char) => char.codePointAt(0)!.toString(16));
  const withoutVariation = points.filter((point) => point !== 'fe0f');
  return [...new Set([points.join('-'), withoutVariation.join('-')])];
}

/** The Twemoji SVG of an emoji as a data URI, or undefined when Twemoji has no image for it. */
export function emojiDataUri(emoji: string): string | undefined {
  if (cache.has(emoji)) return cache.get(emoji);
  let uri: string | undefined;
  for (const name of candidateNames(emoji)) {
    const file = join(twemojiDir, `${name}.svg`);
    if (existsSync(file)) {
      uri = `data:image/svg+xml;base64,${readFileSync(file).toString('base64')}`;
      break;
    }
  }
  cache.set(emoji, uri);
  return uri;
}
