import type { PlanInterview } from '../../page-protocol.js';
import { h } from '../dom.js';
import { withEmoji } from '../text.js';
import { blockTexts, isVerbatimPassage, passageOf } from './highlight-text.js';
import { t } from './plan-text.js';

/**
 * The post editor's choice of the cover's highlight: the current one, the chosen answers to
 * select words in, and what a selection offers. Only a selection that is a passage of one
 * paragraph or list item, whole words, is offered; any other selection is met with what to do
 * instead.
 */
export class HighlightPicker {
  private offered = '';
  private readonly offer = h('div', { className: 'highlight-offer', 'aria-live': 'polite' });

  /**
   * `editor` is the post editor's element, where a selection of the page's text is watched;
   * `choose` takes a highlight chosen or cleared ('').
   */
  constructor(
    private readonly editor: HTMLElement,
    private readonly choose: (highlight: string) => void,
  ) {
    document.addEventListener('selectionchange', () => this.onDocumentSelection());
  }

  /** The current highlight, what a selection offers, and the chosen answers to select in. */
  render(highlight: string, chosen: PlanInterview['qa']): HTMLElement {
    const blocks = blockTexts(chosen.map((qa) => qa.answer));
    const isLost = highlight !== '' && !isVerbatimPassage(highlight, blocks);
    this.offered = '';
    this.offer.replaceChildren();
    let blockNumber = 0;
    const answerBlock = (qaId: string, text: string, isItem: boolean): HTMLElement => {
      blockNumber++;
      const area = h('textarea', {
        className: `answer-text${isItem ? ' is-item' : ''}`,
        readonly: true,
        rows: '1',
        lang: 'sv',
        spellcheck: 'false',
        'aria-label': t('post.answerBlock', { qa: qaId, number: blockNumber }),
      });
      area.value = text;
      const pick = (): void => this.offerSelection(area, blocks);
      area.addEventListener('select', pick);
      area.addEventListener('mouseup', pick);
      area.addEventListener('keyup', pick);
      return area;
    };
    return h(
      'div',
      { className: 'highlight-part' },
      h('h3', { text: t('post.highlight') }),
      highlight === ''
        ? h('p', { className: 'highlight-current', tabindex: '-1', text: t('post.highlightNone') })
        : h(
            'p',
            // Focusable from code (not by Tab): choosing a passage moves the focus here to say so.
            { className: `highlight-current${isLost ? ' is-lost' : ''}`, tabindex: '-1' },
            h('span', { lang: 'sv', text: t('post.highlightChosen', { text: highlight }) }),
            ' ',
            h(
              'button',
              { type: 'button', className: 'button small', onclick: () => this.choose('') },
              t('post.highlightClear'),
            ),
          ),
      isLost
        ? h('p', {
            className: 'refusal',
            role: 'alert',
            text: t('post.highlightLost', { text: highlight }),
          })
        : null,
      h('p', { className: 'help', text: t('post.highlightHelp') }),
      this.offer,
      h(
        'div',
        { className: 'answers' },
        chosen.map((qa) => {
          blockNumber = 0;
          return h(
            'div',
            { className: 'answer', 'data-qa': qa.id },
            h(
              'p',
              { className: 'answer-question', lang: 'sv' },
              h('b', { text: qa.id }),
              ' ',
              withEmoji(qa.question),
            ),
            qa.answer.map((block) =>
              typeof block === 'string'
                ? answerBlock(qa.id, block, false)
                : h(
                    'div',
                    { className: 'answer-list' },
                    block.list.map((item) => answerBlock(qa.id, item, true)),
                  ),
            ),
          );
        }),
      ),
    );
  }

  /** Offers the passage a selection in an answer stands for, when it is one. */
  private offerSelection(area: HTMLTextAreaElement, blocks: readonly string[]): void {
    // A click only places the caret: what was offered stays.
    if (area.selectionStart === area.selectionEnd) return;
    const passage = passageOf(area.value, area.selectionStart, area.selectionEnd);
    if (passage !== '' && passage === this.offered) return;
    this.offered = passage;
    if (passage === '' || !isVerbatimPassage(passage, blocks)) {
      this.offer.replaceChildren(
        h('p', { className: 'refusal', text: t('post.highlightOutside') }),
      );
      return;
    }
    this.offer.replaceChildren(
      h(
        'button',
        {
          type: 'button',
          className: 'button primary highlight-use',
          onclick: () => {
            this.choose(passage);
            this.editor.querySelector<HTMLElement>('.highlight-current')?.focus();
          },
        },
        `${t('post.highlightUse')}: `,
        h('q', { lang: 'sv', text: passage }),
      ),
    );
  }

  /** A selection of the page's text (not of an answer) in the editor: said what to select. */
  private onDocumentSelection(): void {
    if (this.editor.hidden) return;
    const selection = document.getSelection();
    if (selection === null || selection.isCollapsed || selection.rangeCount === 0) return;
    const { anchorNode, focusNode } = selection;
    if (!this.editor.contains(anchorNode) && !this.editor.contains(focusNode)) return;
    const inAnswers = (node: Node | null): Element | null =>
      (node instanceof Element ? node : (node?.parentElement ?? null))?.closest('.answer') ?? null;
    const from = inAnswers(anchorNode);
    const to = inAnswers(focusNode);
    this.offered = '';
    this.offer.replaceChildren(
      h('p', {
        className: 'refusal',
        text: from !== null && to !== null ? t('post.highlightAcross') : t('post.highlightOutside'),
      }),
    );
  }
}
