/**
 * A text of the page with its values filled in: `{name}` becomes the value, and
 * `{name|one|other}` the word that goes with the number `name` in the language (1 fråga,
 * 2 frågor; 1 post, 0 posts). A name without a value is left as it is, for the tests to see.
 */
export function fillIn(
  text: string,
  values: Readonly<Record<string, string | number>>,
  language: 'sv' | 'en',
): string {
  const rules = new Intl.PluralRules(language === 'en' ? 'en-GB' : 'sv-SE');
  return text.replace(
    /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g,
    (whole, name: string, one?: string, other?: string) => {
      if (!Object.hasOwn(values, name)) return whole;
      const value = values[name]!;
      if (one === undefined || other === undefined) return String(value);
      return rules.select(Number(value)) === 'one' ? one : other;
    },
  );
}
