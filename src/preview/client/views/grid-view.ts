import type { PreviewState } from '../../page-protocol.js';
import { h, icon, icons } from '../dom.js';
import { t } from '../i18n/index.js';
import type { PostQueue } from '../post-queue.js';
import { formatDate, initials, plainHandle } from '../text.js';

/**
 * The Profile grid view: every cover as the profile shows it, cropped to 3:4 from the middle,
 * newest first. A tile opens its post in the Posts view (`onOpen`).
 */
export function renderGrid(
  element: HTMLElement,
  state: PreviewState,
  queue: PostQueue,
  onOpen: (postId: string) => void,
): void {
  const posts = state.campaigns
    .flatMap((campaign) => campaign.posts)
    .sort((a, b) =>
      a.date === b.date
        ? b.party.localeCompare(a.party, 'sv', { numeric: true })
        : a.date < b.date
          ? 1
          : -1,
    );
  const brand = state.brand;
  const tiles = posts.map((post) => {
    const tile = h('button', {
      className: 'tile',
      title: `${post.party} · ${formatDate(post.date)}`,
      'aria-label': t.openPost(post.party, formatDate(post.date)),
      'data-post-id': post.id,
      onclick: () => onOpen(post.id),
    });
    if (post.problem) {
      tile.append(
        h('div', { className: 'tile-problem', text: t.problemTitle(post.problem.title) }),
      );
    } else if (post.key !== undefined) {
      // Never rejects (a server that does not answer is a problem shown on the tile).
      void queue.fetch(post.key, tile).then((result) => {
        if (!result) return;
        if (!result.ok) {
          tile.append(
            h('div', { className: 'tile-problem', text: t.problemTitle(result.problem.title) }),
          );
          return;
        }
        const cover = result.post.slides[0];
        if (cover === undefined) return;
        tile.append(
          h('img', { src: cover.url, alt: cover.alt, draggable: 'false' }),
          icon(icons.multi, 'multi'),
        );
      });
    }
    return tile;
  });
  element.replaceChildren(
    h(
      'div',
      { className: 'profile-wrap' },
      brand === null
        ? null
        : h(
            'div',
            { className: 'profile' },
            h('div', { className: 'avatar', text: initials(brand.organisation) }),
            h(
              'div',
              null,
              h('div', { className: 'handle', text: plainHandle(brand.handle) }),
              h(
                'div',
                { className: 'stats' },
                h('b', { text: String(posts.length) }),
                ` ${t.gridPosts}`,
              ),
              h('div', { className: 'org', text: brand.organisation }),
              h('div', { className: 'site', text: brand.website }),
            ),
          ),
      h('p', {
        className: 'grid-note',
        text: t.gridNote,
      }),
      h('div', { className: 'grid' }, tiles),
    ),
  );
}
