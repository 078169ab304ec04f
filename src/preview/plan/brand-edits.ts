import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, isMap, parseDocument, YAMLMap } from 'yaml';
import { packageRoot } from '../../paths.js';
import type { BrandFields } from '../page-protocol.js';
import { setScalar } from './campaign-edits.js';

/**
 * brand.yaml as the studio edits it: the organisation's own fields (the closing slide's words,
 * the handle, the addresses). The themes' colours are left to a designer and the file; a new
 * file gets the bundled themes (default, advent, pride), every colour checked for contrast.
 */

/** The organisation's fields the studio edits, in the order brand.yaml writes them. */
export const brandFieldNames = [
  'organisation',
  'handle',
  'website',
  'interviewsUrl',
  'email',
  'contactLine',
] as const satisfies readonly (keyof BrandFields)[];

/** Every key of a brand file, in its order: where a field missing from the file goes. */
const brandKeys = [...brandFieldNames, 'mark', 'themes', 'instagram'];

/** Sets the organisation's fields of a brand file, comments and themes kept. */
export function applyBrandFields(document: Document, fields: BrandFields): void {
  if (!isMap(document.contents)) document.contents = new YAMLMap();
  const map = document.contents as YAMLMap;
  for (const name of brandFieldNames) setScalar(map, name, fields[name].trim(), brandKeys);
}

/**
 * The text of a new brand.yaml: the organisation's fields, and the themes of the brand file
 * that comes with excerpt (data/brand.yaml), with their comments.
 */
export function newBrandText(fields: BrandFields): string {
  const bundled = parseDocument(readFileSync(join(packageRoot, 'data', 'brand.yaml'), 'utf8'));
  const document = new Document(new YAMLMap());
  document.commentBefore =
    ' The organisation behind the posts, and the themes its campaigns use: made in the studio.\n Every text colour is checked against its background: at least 4.5:1 (3:1 for large text).';
  applyBrandFields(document, fields);
  document.set('themes', bundled.get('themes', true));
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** The organisation's fields as a brand file's text has them (empty where it has none). */
export function brandFieldsOf(text: string): BrandFields {
  const document = parseDocument(text);
  const value = (name: string): string => {
    const found: unknown = isMap(document.contents) ? document.get(name) : undefined;
    return typeof found === 'string' ? found : '';
  };
  const fields = {} as BrandFields;
  for (const name of brandFieldNames) fields[name] = value(name);
  return fields;
}
