import type { FairnessCampaign, FairnessFlag, FairnessReply } from '../../page-protocol.js';
import { h } from '../dom.js';
import { problemWords } from '../i18n/index.js';
import { problemBox } from '../problem-box.js';
import { withEmoji } from '../text.js';
import { fetchFairness } from '../plan/plan-api.js';
import { longDate, t } from '../plan/plan-text.js';
import { unanswered } from '../plan/save-feedback.js';

/**
 * The Fairness view: each campaign's questions side by side, a column per party, compared as
 * text with the party's name set aside, and each post's slides; a party asked other or fewer
 * questions, or in another order, is flagged in words and in its column.
 */
export class FairnessView {
  private loading: Promise<void> | undefined;

  constructor(private readonly element: HTMLElement) {}

  refresh(): Promise<void> {
    this.loading ??= (async () => {
      if (this.element.childElementCount === 0) {
        this.element.replaceChildren(
          h('p', { className: 'empty-note', text: t('fairness.computing') }),
        );
      }
      try {
        this.render(await fetchFairness());
      } catch (error) {
        this.element.replaceChildren(unanswered(error));
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  private render(reply: FairnessReply): void {
    this.element.replaceChildren(
      h(
        'div',
        { className: 'fairness-layout' },
        h('h2', { text: t('fairness.heading') }),
        h('p', { className: 'help', text: t('fairness.help') }),
        reply.problem === undefined ? null : problemBox(reply.problem),
        reply.campaigns.map((campaign) => this.campaign(campaign)),
      ),
    );
  }

  private campaign(campaign: FairnessCampaign): HTMLElement {
    const flagged = new Set(
      campaign.flags.flatMap((flag) =>
        'party' in flag && flag.kind !== 'unscheduled' ? [flag.party] : [],
      ),
    );
    const messages = campaign.flags.map((flag) => messageOf(flag, campaign));
    const head = h(
      'tr',
      null,
      h('th', { scope: 'col', text: t('fairness.question') }),
      campaign.parties.map((party) =>
        h(
          'th',
          { scope: 'col', className: flagged.has(party.party) ? 'is-flagged' : '' },
          h('span', { className: 'party', text: party.party }),
          h('span', { className: 'date', text: longDate(party.date) }),
        ),
      ),
    );
    const rows = campaign.questions.map((question) =>
      h(
        'tr',
        null,
        h('th', { scope: 'row', className: 'question', lang: 'sv', text: question.text }),
        question.cells.map((cell) =>
          cell === null
            ? h('td', { className: 'cell is-missing', text: t('fairness.missingCell') })
            : h(
                'td',
                {
                  className: `cell${cell.isReworded ? ' is-reworded' : ''}`,
                  title: cell.question,
                  lang: 'sv',
                },
                h('span', { className: 'mark', 'aria-hidden': 'true', text: '✓ ' }),
                cell.qa,
                cell.isReworded
                  ? h('span', { className: 'reworded', text: ` (${t('fairness.reworded')})` })
                  : null,
              ),
        ),
      ),
    );
    const slides = h(
      'tr',
      { className: 'slides-row' },
      h('th', { scope: 'row', text: t('fairness.slides') }),
      campaign.parties.map((party) =>
        h('td', {
          className: 'cell',
          title: party.problem === undefined ? '' : problemWords(party.problem).message,
          text: party.slides === null ? t('fairness.cannot') : String(party.slides),
        }),
      ),
    );
    return h(
      'section',
      {
        className: 'plan-card fairness',
        'data-campaign': campaign.campaign,
        'aria-labelledby': `fairness-${campaign.campaign}`,
      },
      h(
        'h3',
        { id: `fairness-${campaign.campaign}` },
        withEmoji(`${campaign.marker} ${campaign.title}`),
      ),
      messages.length === 0
        ? h('p', { className: 'fairness-ok', text: t('fairness.ok') })
        : h(
            'ul',
            { className: 'fairness-flags', role: 'list' },
            messages.map((message) => h('li', { text: message })),
          ),
      campaign.parties.length === 0
        ? h('p', { className: 'empty-note', text: t('fairness.noPosts') })
        : h(
            'div',
            {
              className: 'table-scroll',
              tabindex: '0',
              role: 'region',
              'aria-label': campaign.title,
            },
            h(
              'table',
              { className: 'fairness-table' },
              h('thead', null, head),
              h('tbody', null, rows, slides),
            ),
          ),
    );
  }
}

/** A flag in words. */
function messageOf(flag: FairnessFlag, campaign: FairnessCampaign): string {
  const question = (row: number): string => campaign.questions[row]?.text ?? '';
  switch (flag.kind) {
    case 'missing':
      return t('fairness.missing', { party: flag.party, question: question(flag.question) });
    case 'other':
      return t('fairness.other', { party: flag.party, question: question(flag.question) });
    case 'fewer':
      return t('fairness.fewer', { party: flag.party, count: flag.count, most: flag.most });
    case 'order':
      return t('fairness.order', { party: flag.party });
    case 'unscheduled':
      return t('fairness.unscheduled', { party: flag.party });
    case 'format':
    case 'theme': {
      const values = flag.values
        .map((value) => `${value.value} (${value.parties.join(', ')})`)
        .join('; ');
      return t(flag.kind === 'format' ? 'fairness.format' : 'fairness.theme', { values });
    }
  }
}
