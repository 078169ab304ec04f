import type { PlanInterview } from '../../page-protocol.js';
import { h, type Child } from '../dom.js';
import { withEmoji } from '../text.js';
import { t } from './plan-text.js';

/** The interview's Q&As with the ids in `qa`, in that order. */
export function chosenQa(qa: readonly string[], interview: PlanInterview): PlanInterview['qa'] {
  return qa
    .map((id) => interview.qa.find((candidate) => candidate.id === id))
    .filter((candidate) => candidate !== undefined);
}

/**
 * The post editor's choice of Q&As: those chosen, in order, moved up and down or removed with
 * buttons, then the interview's others, each added with one. The choice is made in `draft.qa`;
 * `changed` is called after each.
 */
export function qaChooser(
  draft: { qa: string[] },
  interview: PlanInterview,
  changed: () => void,
): Child[] {
  const chosen = chosenQa(draft.qa, interview);
  const others = interview.qa.filter((qa) => !draft.qa.includes(qa.id));
  const move = (index: number, by: number): void => {
    const [id] = draft.qa.splice(index, 1);
    draft.qa.splice(index + by, 0, id!);
    changed();
  };
  const chosenList = h(
    'ol',
    { className: 'chosen-qa' },
    chosen.map((qa, index) =>
      h(
        'li',
        { 'data-qa': qa.id },
        h(
          'span',
          { className: 'qa-text', lang: 'sv' },
          h('b', { text: qa.id }),
          ' ',
          withEmoji(qa.question),
        ),
        h(
          'span',
          { className: 'qa-buttons' },
          h('button', {
            type: 'button',
            className: 'icon-button',
            'aria-label': t('post.up', { qa: qa.id }),
            disabled: index === 0,
            onclick: () => move(index, -1),
            text: '↑',
          }),
          h('button', {
            type: 'button',
            className: 'icon-button',
            'aria-label': t('post.down', { qa: qa.id }),
            disabled: index === chosen.length - 1,
            onclick: () => move(index, 1),
            text: '↓',
          }),
          h('button', {
            type: 'button',
            className: 'icon-button',
            'aria-label': t('post.remove', { qa: qa.id }),
            onclick: () => {
              draft.qa = draft.qa.filter((id) => id !== qa.id);
              changed();
            },
            text: '✕',
          }),
        ),
      ),
    ),
  );
  const otherList = h(
    'ul',
    { className: 'other-qa' },
    others.map((qa) =>
      h(
        'li',
        { 'data-qa': qa.id },
        h('button', {
          type: 'button',
          className: 'button small',
          'aria-label': t('post.add', { qa: qa.id }),
          onclick: () => {
            draft.qa.push(qa.id);
            changed();
          },
          text: '+',
        }),
        h(
          'span',
          { className: 'qa-text', lang: 'sv' },
          h('b', { text: qa.id }),
          ' ',
          withEmoji(qa.question),
        ),
      ),
    ),
  );
  return [
    h('h3', { text: t('post.chosen') }),
    chosen.length === 0
      ? h('p', { className: 'empty-note', text: t('post.noneChosen') })
      : chosenList,
    others.length === 0 ? null : h('h3', { text: t('post.others') }),
    others.length === 0 ? null : otherList,
  ];
}
