/**
 * Swedish typography for quotation marks (PRODUCT.md, "Slides"): Swedish opens and closes a
 * quotation with the same ” (U+201D). Straight quotes typed in the data, and English “ ”, are
 * drawn that way; the words themselves are never touched.
 */
export function swedishQuotes(text: string): string {
  return text.replace(/["“]/g, '”');
}
