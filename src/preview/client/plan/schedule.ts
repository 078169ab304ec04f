import type { PlanCampaign, PlanInterview, PlanPost, PlanState } from '../../page-protocol.js';
import { h } from '../dom.js';
import { longDate, monthName, t, weekdayNames } from './plan-text.js';
import { addDays, dateOf, isoOf } from './schedule-dates.js';
import { scheduleList } from './schedule-list.js';

type Layout = 'calendar' | 'list';

const layoutKey = 'excerpt-schedule-layout';

export interface ScheduleActions {
  /** Opens an interview's post in the editor, on `date` when given. */
  edit: (interview: PlanInterview, date?: string) => void;
  /** Moves a scheduled post to another day (dragged there). */
  move: (post: PlanPost, date: string) => void;
}

/**
 * A campaign's schedule as a month calendar (posts on their days) or as a list (a row per
 * interview of the campaign, schedule-list.ts). The calendar is one stop for Tab: the arrow keys
 * move between days (Page Up and Page Down between months), Enter opens a day with its posts and
 * a way to schedule an interview there; dragging a post to another day moves it too, but nothing
 * needs a mouse.
 */
export class ScheduleView {
  readonly element = h('section', {
    className: 'plan-card schedule',
    'aria-labelledby': 'schedule-heading',
  });
  private layout: Layout = localStorage.getItem(layoutKey) === 'list' ? 'list' : 'calendar';
  /** The month shown, as its first day; and the day the keys are on. */
  private month = '';
  private focusDate = '';
  private openDay: string | undefined;
  private campaignId = '';
  private plan: PlanState | undefined;
  private campaign: PlanCampaign | undefined;
  private shouldFocus = false;

  constructor(private readonly actions: ScheduleActions) {}

  render(plan: PlanState, campaign: PlanCampaign): void {
    if (campaign.id !== this.campaignId) {
      this.campaignId = campaign.id;
      const interviews = plan.interviews.filter((interview) => interview.campaign === campaign.id);
      const first =
        [...campaign.posts.map((post) => post.date)].sort()[0] ??
        interviews.map((interview) => interview.publishedOn).sort()[0] ??
        isoOf(new Date());
      this.month = `${first.slice(0, 7)}-01`;
      this.focusDate = first;
      this.openDay = undefined;
    }
    this.plan = plan;
    this.campaign = campaign;
    this.draw();
  }

  private draw(): void {
    const { plan, campaign } = this;
    if (plan === undefined || campaign === undefined) return;
    const interviews = plan.interviews.filter((interview) => interview.campaign === campaign.id);
    const layoutButton = (layout: Layout, label: string): HTMLButtonElement =>
      h('button', {
        type: 'button',
        'aria-pressed': String(this.layout === layout),
        onclick: () => {
          this.layout = layout;
          localStorage.setItem(layoutKey, layout);
          this.draw();
        },
        text: label,
      });
    const scheduled = new Set(campaign.posts.map((post) => post.interview));
    const unscheduled = interviews.filter((interview) => !scheduled.has(interview.id));
    this.element.replaceChildren(
      ...[
        h(
          'div',
          { className: 'card-head' },
          h('h2', { id: 'schedule-heading', text: t('schedule.heading') }),
          h(
            'div',
            { className: 'segmented', role: 'group', 'aria-label': t('schedule.layout') },
            layoutButton('calendar', t('schedule.calendar')),
            layoutButton('list', t('schedule.list')),
          ),
        ),
        interviews.length === 0
          ? h('p', { className: 'empty-note', text: t('schedule.noInterviews') })
          : null,
        this.layout === 'calendar'
          ? this.calendar(campaign, interviews, unscheduled)
          : scheduleList(campaign, interviews, (interview) => this.actions.edit(interview)),
      ].filter((node) => node !== null),
    );
    if (this.shouldFocus) {
      this.shouldFocus = false;
      this.element.querySelector<HTMLElement>(`button.day[data-date="${this.focusDate}"]`)?.focus();
    }
  }
  private calendar(
    campaign: PlanCampaign,
    interviews: readonly PlanInterview[],
    unscheduled: readonly PlanInterview[],
  ): HTMLElement {
    const year = Number(this.month.slice(0, 4));
    const monthIndex = Number(this.month.slice(5, 7)) - 1;
    const title = monthName(year, monthIndex);
    const partyOf = new Map(interviews.map((interview) => [interview.id, interview]));
    const postsOn = (date: string): PlanPost[] =>
      campaign.posts.filter((post) => post.date === date);
    // From the Monday on or before the 1st, six weeks: every month fits.
    const first = dateOf(this.month);
    const start = addDays(this.month, -((first.getUTCDay() + 6) % 7));
    if (!this.focusDate.startsWith(this.month.slice(0, 7))) this.focusDate = this.month;

    const weeks: HTMLElement[] = [];
    for (let week = 0; week < 6; week++) {
      const cells: HTMLElement[] = [];
      for (let day = 0; day < 7; day++) {
        const date = addDays(start, week * 7 + day);
        const posts = postsOn(date);
        const isOther = !date.startsWith(this.month.slice(0, 7));
        const label = [
          longDate(date),
          posts.length === 0
            ? t('schedule.dayEmpty')
            : posts.map((post) => partyOf.get(post.interview)?.party ?? post.interview).join(', '),
        ].join(': ');
        const button = h(
          'button',
          {
            type: 'button',
            className: `day${isOther ? ' is-other' : ''}${date === this.openDay ? ' is-open' : ''}`,
            'data-date': date,
            tabindex: date === this.focusDate ? '0' : '-1',
            'aria-expanded': String(date === this.openDay),
            onclick: (event) => {
              const chip = (event.target as Element).closest<HTMLElement>('.chip[data-interview]');
              const interview = chip ? partyOf.get(chip.dataset.interview ?? '') : undefined;
              this.focusDate = date;
              if (interview !== undefined) {
                this.actions.edit(interview);
                return;
              }
              this.openDay = this.openDay === date ? undefined : date;
              this.draw();
            },
            onkeydown: (event) => this.onKey(event as KeyboardEvent, date),
            ondragover: (event) => {
              event.preventDefault();
              (event.currentTarget as HTMLElement).classList.add('is-drop');
            },
            ondragleave: (event) =>
              (event.currentTarget as HTMLElement).classList.remove('is-drop'),
            ondrop: (event) => {
              event.preventDefault();
              const id = (event as DragEvent).dataTransfer?.getData('text/plain') ?? '';
              const post = campaign.posts.find((candidate) => candidate.interview === id);
              if (post !== undefined && post.date !== date) this.actions.move(post, date);
            },
          },
          // Named by its content, not an aria-label: what a screen reader says is what is seen
          // (the date in full, hidden, for the day's number).
          h('span', { className: 'visually-hidden', text: label }),
          h('span', {
            className: 'day-number',
            'aria-hidden': 'true',
            text: String(Number(date.slice(8))),
          }),
          posts.map((post) =>
            h('span', {
              className: 'chip',
              'data-interview': post.interview,
              'aria-hidden': 'true',
              draggable: 'true',
              ondragstart: (event) =>
                (event as DragEvent).dataTransfer?.setData('text/plain', post.interview),
              text: partyOf.get(post.interview)?.party ?? post.interview,
            }),
          ),
        );
        cells.push(h('td', null, button));
      }
      weeks.push(h('tr', null, cells));
    }

    const monthButton = (by: number, label: string, text: string): HTMLButtonElement =>
      h('button', {
        type: 'button',
        className: 'icon-button',
        'aria-label': label,
        onclick: () => this.shiftMonth(by),
        text,
      });
    return h(
      'div',
      { className: 'calendar-wrap' },
      h(
        'div',
        { className: 'calendar-head' },
        monthButton(-1, t('schedule.prevMonth'), '‹'),
        h('h3', { className: 'month', 'aria-live': 'polite', text: title }),
        monthButton(1, t('schedule.nextMonth'), '›'),
      ),
      h('p', { className: 'help', id: 'calendar-help', text: t('schedule.calendarHelp') }),
      h(
        'table',
        {
          className: 'calendar',
          'aria-label': t('schedule.calendarLabel', { month: title }),
          'aria-describedby': 'calendar-help',
        },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            weekdayNames().map((name) => h('th', { scope: 'col', text: name })),
          ),
        ),
        h('tbody', null, weeks),
      ),
      this.openDay === undefined
        ? null
        : this.dayPanel(this.openDay, campaign, partyOf, unscheduled),
      h(
        'div',
        { className: 'unscheduled' },
        h('h3', { text: t('schedule.unscheduled') }),
        unscheduled.length === 0
          ? h('p', { className: 'empty-note', text: t('schedule.allScheduled') })
          : h(
              'ul',
              null,
              unscheduled.map((interview) =>
                h(
                  'li',
                  null,
                  h('button', {
                    type: 'button',
                    className: 'button small',
                    onclick: () => this.actions.edit(interview),
                    text: `${interview.party} · ${interview.name}`,
                  }),
                ),
              ),
            ),
      ),
    );
  }

  /** A day opened: its posts to edit, and an interview to schedule on it. */
  private dayPanel(
    date: string,
    campaign: PlanCampaign,
    partyOf: ReadonlyMap<string, PlanInterview>,
    unscheduled: readonly PlanInterview[],
  ): HTMLElement {
    const posts = campaign.posts.filter((post) => post.date === date);
    const select = h(
      'select',
      { id: 'day-interview' },
      unscheduled.map((interview) =>
        h('option', { value: interview.id }, `${interview.party} · ${interview.name}`),
      ),
    );
    return h(
      'div',
      { className: 'day-panel', role: 'region', 'aria-label': longDate(date) },
      h('h3', { text: longDate(date) }),
      posts.length === 0
        ? h('p', { className: 'empty-note', text: t('schedule.dayEmpty') })
        : h(
            'ul',
            null,
            posts.map((post) => {
              const interview = partyOf.get(post.interview);
              return h(
                'li',
                null,
                `${interview?.party ?? post.interview} · ${post.qa.join(', ')} `,
                interview === undefined
                  ? null
                  : h('button', {
                      type: 'button',
                      className: 'button small',
                      onclick: () => this.actions.edit(interview),
                      text: `${t('schedule.edit')}: ${interview.party}`,
                    }),
              );
            }),
          ),
      unscheduled.length === 0
        ? null
        : h(
            'div',
            { className: 'day-add' },
            h('label', { for: 'day-interview', text: t('schedule.addHere') }),
            select,
            h('button', {
              type: 'button',
              className: 'button primary',
              onclick: () => {
                const interview = unscheduled.find((candidate) => candidate.id === select.value);
                if (interview !== undefined) this.actions.edit(interview, date);
              },
              text: t('schedule.add'),
            }),
          ),
      h('button', {
        type: 'button',
        className: 'button',
        onclick: () => {
          this.openDay = undefined;
          this.shouldFocus = true;
          this.draw();
        },
        text: t('schedule.closeDay'),
      }),
    );
  }

  private onKey(event: KeyboardEvent, date: string): void {
    const moves: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -7,
      ArrowDown: 7,
    };
    let next: string | undefined;
    if (event.key in moves) next = addDays(date, moves[event.key]!);
    else if (event.key === 'Home') next = addDays(date, -((dateOf(date).getUTCDay() + 6) % 7));
    else if (event.key === 'End') next = addDays(date, 6 - ((dateOf(date).getUTCDay() + 6) % 7));
    else if (event.key === 'PageUp' || event.key === 'PageDown') {
      const shifted = dateOf(date);
      shifted.setUTCMonth(shifted.getUTCMonth() + (event.key === 'PageUp' ? -1 : 1));
      next = isoOf(shifted);
    }
    if (next === undefined) return;
    event.preventDefault();
    this.focusDate = next;
    this.month = `${next.slice(0, 7)}-01`;
    this.shouldFocus = true;
    this.draw();
  }

  private shiftMonth(by: number): void {
    const date = dateOf(this.month);
    date.setUTCMonth(date.getUTCMonth() + by);
    this.month = isoOf(date).slice(0, 8) + '01';
    this.focusDate = this.month;
    this.openDay = undefined;
    this.draw();
  }
}
