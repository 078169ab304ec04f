/**
 * Ids are slugs (PRODUCT.md): lower case, å/ä → a, ö → o, é → e, every other run of characters
 * outside a–z and 0–9 becomes one `-`, trimmed of dashes at either end.
 */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** True when `text` is already a slug (what slugify would leave unchanged, and not empty). */
export function isSlug(text: string): boolean {
  return text !== '' && slugify(text) === text;
}
