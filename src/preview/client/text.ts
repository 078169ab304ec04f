import { h } from './dom.js';

const dateFormat = new Intl.DateTimeFormat('sv-SE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDateFormat = new Intl.DateTimeFormat('sv-SE', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** `2020-12-06` as `6 december 2020`. Noon UTC: the same day in every time zone. */
export const formatDate = (date: string): string =>
  dateFormat.format(new Date(`${date}T12:00:00Z`));

/** `2020-12-06` as `6 dec.`. */
export const formatShortDate = (date: string): string =>
  shortDateFormat.format(new Date(`${date}T12:00:00Z`));

/** `@kraftbyran` as Instagram writes it over a post: `kraftbyran`. */
export const plainHandle = (handle: string): string => handle.replace(/^@/, '');

/** Up to two initials, for an avatar. */
export const initials = (name: string): string =>
  name
    .split(/\s+/)
    .map((word) => word[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();

/**
 * Emoji as the Twemoji images the slides use (served by the preview): the same pictures
 * as on the slides, and no blank boxes where the system has no emoji font.
 */
const emojiPattern =
  /\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)*/gu;

/** Text with each emoji as its Twemoji image. */
export function withEmoji(text: string): (string | HTMLImageElement)[] {
  const nodes: (string | HTMLImageElement)[] = [];
  let last = 0;
  for (const match of text.matchAll(emojiPattern)) {
    if (match.index > last) nodes.push(text.slice(last, match.index));
    const name = [...match[0]].map((char) => char.codePointAt(0)!.toString(16)).join('-');
    nodes.push(
      h('img', {
        className: 'emoji',
        src: `/emoji/${name}.svg`,
        alt: match[0],
        draggable: 'false',
      }),
    );
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

/** Hashtags and @handles in link blue, as Instagram shows them. */
export function captionNodes(text: string): (HTMLElement | string)[][] {
  return text
    .split(/([#@][\p{L}\p{N}_.]+)/u)
    .map((part) =>
      /^[#@][\p{L}\p{N}_]/u.test(part)
        ? [h('span', { className: 'tag', text: part })]
        : withEmoji(part),
    );
}
