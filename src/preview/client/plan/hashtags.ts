/**
 * A hashtag as the data wants it (PRODUCT.md): without #, CamelCase, letters and digits only.
 * What a communicator types is turned into that where it can be: `#stoppa våldet` becomes
 * `StoppaVåldet`; what cannot be (a mark inside a word) is refused.
 */
export function hashtagOf(input: string): { ok: true; tag: string } | { ok: false } {
  const words = input
    .trim()
    .replace(/^#+/, '')
    .split(/[\s-]+/)
    .filter((word) => word !== '');
  if (words.length === 0 || !words.every((word) => /^[\p{L}\p{N}_]+$/u.test(word))) {
    return { ok: false };
  }
  return { ok: true, tag: words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('') };
}
