import type { PlanCampaign, PlanInterview } from '../../page-protocol.js';
import { h } from '../dom.js';
import { longDate, t } from './plan-text.js';

/**
 * A campaign's schedule as a list: a row per interview of the campaign, the scheduled ones by
 * date, then those not scheduled yet, each with a button to `edit` its post.
 */
export function scheduleList(
  campaign: PlanCampaign,
  interviews: readonly PlanInterview[],
  edit: (interview: PlanInterview) => void,
): HTMLElement {
  const rows = interviews
    .map((interview) => ({
      interview,
      post: campaign.posts.find((post) => post.interview === interview.id),
    }))
    .sort(
      (a, b) =>
        (a.post?.date ?? '9999').localeCompare(b.post?.date ?? '9999') ||
        a.interview.party.localeCompare(b.interview.party, 'sv', { numeric: true }),
    );
  return h(
    'table',
    { className: 'schedule-list' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        [
          t('schedule.date'),
          t('schedule.party'),
          t('schedule.person'),
          t('schedule.questions'),
          t('schedule.highlight'),
        ].map((text) => h('th', { scope: 'col', text })),
        // The buttons' column: named for a screen reader, nothing to show.
        h(
          'th',
          { scope: 'col' },
          h('span', { className: 'visually-hidden', text: t('schedule.action') }),
        ),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map(({ interview, post }) =>
        h(
          'tr',
          {
            'data-interview': interview.id,
            className: post === undefined ? 'is-unscheduled' : '',
          },
          h('td', {
            text: post === undefined ? t('schedule.notScheduled') : longDate(post.date),
          }),
          h('th', { scope: 'row', text: interview.party }),
          h('td', { text: `${interview.name}, ${interview.role}` }),
          h('td', { text: post?.qa.join(', ') ?? '' }),
          h('td', {
            className: 'quote',
            lang: 'sv',
            text: post?.highlight === undefined ? '' : `”${post.highlight}”`,
          }),
          h(
            'td',
            null,
            h('button', {
              type: 'button',
              className: 'button small',
              'aria-label': `${post === undefined ? t('schedule.add') : t('schedule.edit')}: ${interview.party}`,
              onclick: () => edit(interview),
              text: post === undefined ? t('schedule.add') : t('schedule.edit'),
            }),
          ),
        ),
      ),
    ),
  );
}
