import type { DrawnPost, PostFormat, PreviewState, Problem, StatePost } from '../page-protocol.js';
import { Carousel } from './carousel.js';
import { h, icon, icons } from './dom.js';
import { t } from './i18n/index.js';
import { preload, type PostQueue } from './post-queue.js';
import { problemBox } from './problem-box.js';
import { captionNodes, formatDate, formatShortDate, initials, plainHandle } from './text.js';

/** What a card shows of a post: a scheduled one from the state, or a chosen one. */
export type CardPost = Pick<
  StatePost,
  'id' | 'party' | 'name' | 'role' | 'date' | 'time' | 'qa' | 'format' | 'key' | 'problem'
>;

const aspects: Record<PostFormat, string> = { square: '1 / 1', portrait: '4 / 5', story: '9 / 16' };

/** The media's shape while the slides are drawn, so the page does not jump once they come. */
const aspectOf = (format: PostFormat): string => aspects[format] ?? '1 / 1';

/**
 * A post as Instagram shows it on a phone: who, the slides, the actions, the caption and the
 * date. Its `data-state` says what it shows: `loading`, `ready`, `updating` (the old slides while
 * new ones are drawn) or `problem`.
 */
export class PostCard {
  readonly element = h('article', { className: 'post', 'data-state': 'loading' });
  readonly carousel: Carousel;
  private key: string | undefined;
  private readonly avatar = h('div', { className: 'avatar' });
  private readonly handle = h('div', { className: 'handle' });
  private readonly sub = h('div', { className: 'sub' });
  private readonly when = h('div', { className: 'when' });
  private readonly media = h('div', { className: 'media' });
  private readonly actions = h(
    'div',
    { className: 'actions', 'aria-hidden': 'true' },
    icon(icons.heart),
    icon(icons.comment),
    icon(icons.share),
    icon(icons.save, 'save'),
  );
  private captionValue = '';
  private captionHandle = '';
  private isCaptionExpanded = false;
  private readonly caption = h('div', { className: 'caption' });
  private readonly date = h('div', { className: 'post-date' });
  private readonly placeholder = h('div', {
    className: 'placeholder',
    text: t.drawingSlides,
  });
  private readonly badge = h('div', { className: 'badge', text: t.updating, hidden: true });
  private problemBox: HTMLElement | undefined;

  /** `onShown`: told the key of the slides shown once drawn, or undefined for a problem shown. */
  constructor(
    private readonly queue: PostQueue,
    private readonly onShown: (key: string | undefined) => void = () => undefined,
  ) {
    this.carousel = new Carousel(this.media, this.actions, t.slides);
    this.carousel.element.hidden = true;
    this.media.append(this.placeholder, this.badge);
    this.element.append(
      h(
        'header',
        { className: 'post-head' },
        this.avatar,
        h('div', { className: 'who' }, this.handle, this.sub),
        this.when,
      ),
      this.media,
      this.actions,
      this.caption,
      this.date,
    );
  }

  /** Shows `post`; its slides are fetched unless they are already shown. */
  update(post: CardPost, brand: PreviewState['brand']): void {
    const handle = brand ? plainHandle(brand.handle) : '';
    this.element.dataset.postId = post.id;
    this.avatar.textContent = brand ? initials(brand.organisation) : '';
    this.handle.textContent = handle;
    this.sub.textContent = `${post.party} · ${post.name}, ${post.role}`;
    this.when.textContent = formatShortDate(post.date);
    this.date.replaceChildren(
      `${formatDate(post.date)} · ${post.time}`,
      h('span', { className: 'file', text: `  ·  ${post.qa.join(', ')}` }),
    );
    this.carousel.element.setAttribute('aria-label', t.slidesOf(post.party));
    this.captionHandle = handle;
    const state = this.element.dataset.state;
    if (state !== 'ready' && state !== 'updating')
      this.media.style.aspectRatio = aspectOf(post.format);
    if (post.problem) {
      this.showProblem(post.problem);
      return;
    }
    // A post without a problem has a key (preview-state.ts); load() never rejects.
    if (post.key !== undefined) void this.load(post.key);
  }

  /** Draws attention to the card, when the grid sends the reader to it. */
  flash(): void {
    this.element.classList.remove('is-flash');
    // Reading the layout restarts the animation.
    void this.element.offsetWidth;
    this.element.classList.add('is-flash');
  }

  private async load(key: string): Promise<void> {
    // Already shown: its slides, or what stops this very key from being drawn.
    const shown = this.element.dataset.state;
    if (key === this.key && (shown === 'ready' || shown === 'problem')) return;
    this.key = key;
    this.element.dataset.key = key;
    const hasSlides = shown === 'ready' || shown === 'updating';
    this.element.dataset.state = hasSlides ? 'updating' : 'loading';
    this.badge.hidden = !hasSlides;
    if (!hasSlides) this.showPlaceholder();
    const result = await this.queue.fetch(
      key,
      this.element,
      () => this.key === key && this.element.isConnected,
    );
    if (this.key !== key) return; // another change came meanwhile
    if (result === null) return; // stale: the state is being fetched again
    if (!result.ok) {
      this.showProblem(result.problem, key);
      return;
    }
    await preload(result.post.slides.map((slide) => slide.url));
    if (this.key !== key) return;
    this.showPost(result.post);
  }

  private showPlaceholder(): void {
    this.problemBox?.remove();
    this.problemBox = undefined;
    this.carousel.element.hidden = true;
    this.carousel.dots.hidden = true;
    this.placeholder.hidden = false;
    this.caption.replaceChildren(
      h('div', { className: 'caption-skeleton' }),
      h('div', { className: 'caption-skeleton' }),
    );
  }

  private showPost(post: DrawnPost): void {
    this.problemBox?.remove();
    this.problemBox = undefined;
    this.media.style.aspectRatio = `${post.width} / ${post.height}`;
    this.carousel.setSlides(post.slides);
    this.carousel.element.hidden = false;
    this.carousel.dots.hidden = false;
    this.placeholder.hidden = true;
    this.badge.hidden = true;
    this.captionValue = post.caption;
    this.showCaption();
    this.element.dataset.state = 'ready';
    this.element.dataset.slides = String(post.slides.length);
    this.onShown(this.key);
  }

  private showProblem(problem: Problem, key?: string): void {
    this.key = key;
    this.problemBox?.remove();
    this.problemBox = problemBox(problem);
    this.carousel.element.hidden = true;
    this.carousel.dots.hidden = true;
    this.placeholder.hidden = true;
    this.badge.hidden = true;
    this.media.append(this.problemBox);
    this.caption.replaceChildren();
    this.element.dataset.state = 'problem';
    this.onShown(undefined);
  }

  /** Folded like Instagram's: the first line and "… more"; all of it once opened. */
  private showCaption(): void {
    const [first = '', ...rest] = this.captionValue.split('\n');
    const isFolded = !this.isCaptionExpanded && rest.some((line) => line.trim() !== '');
    this.caption.classList.toggle('is-short', isFolded);
    this.caption.replaceChildren(
      h('span', { className: 'handle', text: this.captionHandle }),
      ' ',
      h(
        'span',
        { className: 'caption-text', lang: 'sv' },
        captionNodes(isFolded ? first : this.captionValue),
      ),
      ...(isFolded
        ? [
            ' … ',
            h(
              'button',
              {
                className: 'more',
                onclick: () => {
                  this.isCaptionExpanded = true;
                  this.showCaption();
                },
              },
              t.more,
            ),
          ]
        : []),
    );
  }
}
