import type { DrawnPost } from '../page-protocol.js';
import { h, icon, icons } from './dom.js';
import { t } from './i18n/index.js';

/** A finger (or mouse) on the carousel, from where and when it went down. */
interface Touch {
  x: number;
  y: number;
  id: number;
  time: number;
}

/** The slide viewer of a post, as on the phone: arrows, keys, swipe, dots and n/N. */
export class Carousel {
  /** The frame with the slides, arrows and counter; `dots` go below it, with the actions. */
  readonly element: HTMLDivElement;
  readonly dots: HTMLDivElement;
  private index = 0;
  private count = 0;
  private readonly track = h('div', { className: 'track' });
  private readonly prevButton: HTMLButtonElement;
  private readonly nextButton: HTMLButtonElement;
  private readonly counter = h('div', { className: 'counter', 'aria-live': 'polite' });

  constructor(media: HTMLElement, actions: HTMLElement, label: string) {
    this.prevButton = h(
      'button',
      {
        className: 'nav prev',
        'aria-label': t.previousSlide,
        tabindex: '-1',
        onclick: () => this.go(this.index - 1),
      },
      icon(icons.prev),
    );
    this.nextButton = h(
      'button',
      {
        className: 'nav next',
        'aria-label': t.nextSlide,
        tabindex: '-1',
        onclick: () => this.go(this.index + 1),
      },
      icon(icons.next),
    );
    this.element = h(
      'div',
      {
        className: 'carousel',
        tabindex: '0',
        role: 'group',
        'aria-roledescription': t.carousel,
        'aria-label': label,
      },
      this.track,
      this.prevButton,
      this.nextButton,
      this.counter,
    );
    this.element.addEventListener('keydown', (event) => this.onKey(event));
    this.dots = h('div', { className: 'dots', 'aria-hidden': 'true' });
    media.append(this.element);
    actions.append(this.dots);
    this.listenForSwipes();
  }

  /** Shows these slides, staying on the current one where it still exists. */
  setSlides(slides: DrawnPost['slides']): void {
    this.count = slides.length;
    this.track.replaceChildren(
      ...slides.map((slide, index) =>
        h('img', {
          className: 'slide',
          src: slide.url,
          alt: slide.alt,
          draggable: 'false',
          decoding: 'async',
          'aria-roledescription': t.slide,
          'data-number': index + 1,
        }),
      ),
    );
    this.dots.replaceChildren(...slides.map(() => h('span')));
    this.go(Math.min(this.index, this.count - 1), false);
  }

  /** Turns to a slide (kept within the first and last). */
  go(index: number, isAnimated = true): void {
    this.index = Math.max(0, Math.min(this.count - 1, index));
    this.track.classList.toggle('is-dragging', !isAnimated);
    this.track.style.transform = `translateX(${-100 * this.index}%)`;
    this.counter.textContent = `${this.index + 1}/${this.count}`;
    this.prevButton.disabled = this.index === 0;
    this.nextButton.disabled = this.index >= this.count - 1;
    [...this.dots.children].forEach((dot, dotIndex) =>
      dot.classList.toggle('is-current', dotIndex === this.index),
    );
    [...this.track.children].forEach((slide, slideIndex) =>
      slide.setAttribute('aria-hidden', String(slideIndex !== this.index)),
    );
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowRight') this.go(this.index + 1);
    else if (event.key === 'ArrowLeft') this.go(this.index - 1);
    else if (event.key === 'Home') this.go(0);
    else if (event.key === 'End') this.go(this.count - 1);
    else return;
    event.preventDefault();
  }

  /** Follows a finger (or a mouse) sideways; a flick past a fifth of the width turns. */
  private listenForSwipes(): void {
    let start: Touch | null = null;
    this.element.addEventListener('pointerdown', (event) => {
      if (event.button !== 0 || (event.target instanceof Element && event.target.closest('.nav')))
        return;
      start = {
        x: event.clientX,
        y: event.clientY,
        id: event.pointerId,
        time: performance.now(),
      };
    });
    this.element.addEventListener('pointermove', (event) => {
      if (start === null || event.pointerId !== start.id) return;
      const dx = event.clientX - start.x;
      if (Math.abs(dx) < 6) return;
      if (!this.element.hasPointerCapture(event.pointerId))
        this.element.setPointerCapture(event.pointerId);
      this.track.classList.add('is-dragging');
      // Past the first or last slide it gives a little, as on the phone.
      const resist =
        (this.index === 0 && dx > 0) || (this.index === this.count - 1 && dx < 0) ? 0.3 : 1;
      this.track.style.transform = `translateX(calc(${-100 * this.index}% + ${dx * resist}px))`;
    });
    const end = (event: PointerEvent): void => {
      if (start === null || event.pointerId !== start.id) return;
      const dx = event.clientX - start.x;
      const isFlick = Math.abs(dx) > 30 && performance.now() - start.time < 300;
      const width = this.element.clientWidth;
      start = null;
      if (Math.abs(dx) > width / 5 || isFlick) this.go(this.index + (dx < 0 ? 1 : -1));
      else this.go(this.index);
    };
    this.element.addEventListener('pointerup', end);
    this.element.addEventListener('pointercancel', end);
  }
}
