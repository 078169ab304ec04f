import { Document, isMap, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { slugify } from '../../data/slug.js';
import type { CampaignFields } from '../page-protocol.js';

/**
 * Edits of a campaign file, made on its YAML Document so every comment, the order of the keys
 * and the style of what is not edited stay as the person who wrote it left them. Each is a
 * function of the Document alone: the write path (editDataFile) reads the file, applies it,
 * validates the result as the loader would and writes it whole.
 */

/** The keys of a campaign in the order PRODUCT.md writes them: a new key goes to its place. */
const campaignKeys = ['id', 'title', 'subtitle', 'marker', 'theme', 'format', 'time', 'hashtags'];
const postKeys = ['date', 'interview', 'qa', 'highlight'];

/**
 * The longest id a new campaign gets: its file name, its out/ folder and every post folder's
 * path are made of it, and a title pasted whole (a press release's first sentence) would make
 * a name the file system refuses (255 bytes a name on most disks).
 */
export const maxCampaignIdLength = 60;

/** A new campaign's id: its title as a slug, cut at a word's end when the title is long. */
export function campaignIdOf(title: string): string {
  const slug = slugify(title);
  if (slug.length <= maxCampaignIdLength) return slug;
  const cut = slug.slice(0, maxCampaignIdLength + 1);
  const end = cut.lastIndexOf('-');
  return (end > 0 ? cut.slice(0, end) : cut.slice(0, maxCampaignIdLength)).replace(/-+$/, '');
}

/** The text of a new campaign file, with no posts yet. */
export function newCampaignText(id: string, fields: CampaignFields): string {
  const document = new Document(new YAMLMap());
  document.commentBefore = ` ${fields.title}: made in the studio. Posts are added from its schedule view.`;
  setScalar(document.contents as YAMLMap, 'id', id, campaignKeys);
  applyCampaignFields(document, fields);
  document.set('posts', new YAMLSeq());
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Sets a campaign's fields; an empty subtitle removes it. */
export function applyCampaignFields(document: Document, fields: CampaignFields): void {
  const map = rootMap(document);
  setScalar(map, 'title', fields.title.trim(), campaignKeys);
  const subtitle = fields.subtitle.trim();
  if (subtitle === '') map.delete('subtitle');
  else setScalar(map, 'subtitle', subtitle, campaignKeys);
  setScalar(map, 'marker', fields.marker.trim(), campaignKeys);
  setScalar(map, 'theme', fields.theme, campaignKeys);
  setScalar(map, 'format', fields.format, campaignKeys);
  // Quoted: YAML 1.1 readers take an unquoted 08:00 for a number of minutes.
  setScalar(map, 'time', fields.time, campaignKeys, Scalar.QUOTE_DOUBLE);
  setFlowList(map, 'hashtags', fields.hashtags, campaignKeys);
}

/**
 * Places an interview's post on the schedule (its date, Q&As in order and highlight), or with
 * `post` null takes it off. The posts stay in date order when they were: a post whose date
 * changes moves, with its comments, to its place among them.
 */
export function applySchedule(
  document: Document,
  interview: string,
  post: { date: string; qa: readonly string[]; highlight?: string | undefined } | null,
): void {
  const map = rootMap(document);
  const found: unknown = map.get('posts', true);
  let posts: YAMLSeq;
  if (isSeq(found)) posts = found;
  else {
    posts = new YAMLSeq();
    map.set('posts', posts);
  }
  const items = posts.items;
  const at = items.findIndex((item) => isMap(item) && item.get('interview') === interview);
  if (post === null) {
    if (at !== -1) items.splice(at, 1);
    return;
  }
  const wasSorted = isDateSorted(items);
  const isMoved = at === -1 || dateOf(items[at]) !== post.date;
  let item: YAMLMap;
  if (at === -1) {
    item = new YAMLMap();
    setScalar(item, 'date', post.date, postKeys);
    setScalar(item, 'interview', interview, postKeys);
  } else {
    item = items[at] as YAMLMap;
    items.splice(at, 1);
    setScalar(item, 'date', post.date, postKeys);
  }
  setFlowList(item, 'qa', post.qa, postKeys);
  const highlight = post.highlight?.trim() ?? '';
  if (highlight === '') item.delete('highlight');
  else setScalar(item, 'highlight', highlight, postKeys);

  // A post keeps its place unless its date moves it (or it is new): a diff shows what changed.
  const place =
    at !== -1 && (!isMoved || !wasSorted)
      ? at
      : wasSorted
        ? items.findIndex((other) => dateOf(other) > post.date)
        : -1;
  items.splice(place === -1 ? items.length : place, 0, item);
}

function rootMap(document: Document): YAMLMap {
  if (!isMap(document.contents)) {
    // The loader refuses such a file before the page can offer to edit it.
    throw new Error('a campaign file holds a mapping of fields');
  }
  return document.contents;
}

/**
 * Sets a scalar field. An existing scalar keeps its node (its comment, its quoting); a new key
 * goes after the last key that comes before it in `order`.
 */
export function setScalar(
  map: YAMLMap,
  key: string,
  value: string,
  order: readonly string[],
  type?: Scalar.Type,
): void {
  const node = map.get(key, true);
  if (isScalar(node)) {
    node.value = value;
    return;
  }
  const scalar = new Scalar(value);
  if (type !== undefined) scalar.type = type;
  insertPair(map, key, scalar, order);
}

/** Sets a list of plain words written on one line, `[q1, q2]`, as the data's lists are. */
function setFlowList(
  map: YAMLMap,
  key: string,
  values: readonly string[],
  order: readonly string[],
): void {
  const node = map.get(key, true);
  const list = new YAMLSeq<Scalar>();
  list.flow = isSeq(node) ? node.flow === true || node.items.length === 0 : true;
  list.items = values.map((value) => new Scalar(value));
  if (isSeq(node)) {
    // Keep the node's comments: only its items change.
    node.items = list.items;
    node.flow = list.flow;
    return;
  }
  insertPair(map, key, list, order);
}

function insertPair(map: YAMLMap, key: string, value: unknown, order: readonly string[]): void {
  map.delete(key);
  const rank = order.indexOf(key);
  const keyOf = (pair: Pair): string =>
    isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
  let at = map.items.length;
  if (rank !== -1) {
    const later = map.items.findIndex((pair) => order.indexOf(keyOf(pair)) > rank);
    if (later !== -1) at = later;
  }
  map.items.splice(at, 0, new Pair(new Scalar(key), value));
}

function dateOf(item: unknown): string {
  const date: unknown = isMap(item) ? item.get('date') : undefined;
  return typeof date === 'string' ? date : '';
}

function isDateSorted(items: readonly unknown[]): boolean {
  return items.every((item, index) => index === 0 || dateOf(items[index - 1]) <= dateOf(item));
}
