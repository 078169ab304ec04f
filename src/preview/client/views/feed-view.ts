import type { PreviewState } from '../../page-protocol.js';
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import { PostCard } from '../post-card.js';
import type { PostQueue } from '../post-queue.js';
import { formatDate, withEmoji } from '../text.js';

/**
 * The Posts view: each campaign with its scheduled posts as cards. A post keeps its card from
 * one state to the next (by id), so an edit swaps its slides in place.
 */
export class FeedView {
  private readonly cards = new Map<string, PostCard>();

  constructor(
    private readonly element: HTMLElement,
    private readonly queue: PostQueue,
  ) {}

  render(state: PreviewState): void {
    const seen = new Set<string>();
    const sections = state.campaigns.map((campaign) => {
      const cardElements = campaign.posts.map((post) => {
        seen.add(post.id);
        let card = this.cards.get(post.id);
        if (card === undefined) {
          card = new PostCard(this.queue);
          this.cards.set(post.id, card);
        }
        card.update(post, state.brand);
        return card.element;
      });
      const dates = campaign.posts.map((post) => post.date);
      const [first, last] = [dates[0], dates.at(-1)];
      const range =
        first === undefined || last === undefined
          ? t.noPostsScheduled
          : first === last
            ? formatDate(first)
            : `${formatDate(first)} – ${formatDate(last)}`;
      return h(
        'section',
        { className: 'campaign', 'data-campaign': campaign.id },
        h('h2', null, withEmoji(`${campaign.marker} ${campaign.title}`)),
        h(
          'p',
          { className: 'campaign-meta' },
          [
            t.postCount(campaign.posts.length),
            range,
            t.formatName(state.format ?? campaign.format),
            campaign.hashtags.map((tag) => `#${tag}`).join(' '),
          ]
            .filter((part) => part !== '')
            .join('  ·  '),
        ),
        campaign.posts.length === 0
          ? h('p', { className: 'empty', text: t.campaignHasNoPosts })
          : h('div', { className: 'posts' }, cardElements),
      );
    });
    for (const id of this.cards.keys()) if (!seen.has(id)) this.cards.delete(id);
    if (sections.length === 0 && state.problems.length === 0) {
      sections.push(h('p', { className: 'empty', text: t.noCampaigns }));
    }
    this.element.replaceChildren(...sections);
  }

  /** Brings a post's card into view and lets it flash, its slides ready for the keys. */
  reveal(id: string): void {
    const card = this.cards.get(id);
    if (!card) return;
    card.element.scrollIntoView({ block: 'center', behavior: 'smooth' });
    card.flash();
    card.carousel.element.focus({ preventScroll: true });
  }
}
