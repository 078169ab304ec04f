/**
 * The preview page's client: shows every scheduled post as on a phone and follows every change
 * to the data and templates. This module puts the parts together: the state fetched from the
 * server, the views that show it, the bar that picks a view and a format, and the event stream.
 */
import type { PostFormat, PreviewState } from '../page-protocol.js';
import { fetchState } from './api.js';
import { byId, h } from './dom.js';
import { HistoryBar } from './history-bar.js';
import { language, setLanguage, t, translatePage, type Language } from './i18n/index.js';
import { followEvents, LiveMark } from './live.js';
import { PostQueue } from './post-queue.js';
import { problemBox } from './problem-box.js';
import { FeedView } from './views/feed-view.js';
import { renderGrid } from './views/grid-view.js';
import { ImportView } from './views/import-view.js';
import { InterviewView } from './views/interview-view.js';
import { FairnessView } from './views/fairness-view.js';
import { OutputView } from './views/output-view.js';
import { PlanView } from './views/plan-view.js';

type ViewName = 'feed' | 'grid' | 'interview' | 'import' | PlanViewName;
/** The views that fetch their own state (the studio's campaign, fairness and output views). */
type PlanViewName = 'plan' | 'fairness' | 'output';
/** A format to show every post in, or ('') each campaign's own. */
type FormatChoice = PostFormat | '';

const formatKey = 'excerpt-preview-format';
const formatChoices: readonly string[] = ['', 'square', 'portrait', 'story'];

// Before anything is drawn: every text of page.html in the page's language.
translatePage();

const views: Record<ViewName, HTMLElement> = {
  feed: byId('view-feed'),
  grid: byId('view-grid'),
  interview: byId('view-interview'),
  import: byId('view-import'),
  plan: byId('view-plan'),
  fairness: byId('view-fairness'),
  output: byId('view-output'),
};
const banner = byId('banner');
const live = new LiveMark(byId('live'));

let state: PreviewState | null = null;
let currentView: ViewName = 'feed';
const storedFormat = localStorage.getItem(formatKey) ?? '';
let format = (formatChoices.includes(storedFormat) ? storedFormat : '') as FormatChoice;

const queue = new PostQueue(() => scheduleRefresh());
addEventListener('scroll', () => queue.pump(), { passive: true });
const feed = new FeedView(views.feed, queue);
const interview = new InterviewView(
  views.interview,
  queue,
  () => state!,
  () => void refresh(),
);
const historyBar = new HistoryBar(
  byId('undo') as HTMLButtonElement,
  byId('redo') as HTMLButtonElement,
  byId('history-status'),
  () => void refresh(),
);
// Drawn once: what is pasted stays while the other views come and go.
new ImportView(views.import, () => void refresh());
const planViews: Record<PlanViewName, { refresh(): Promise<void> }> = {
  plan: new PlanView(views.plan, queue, () => state?.brand ?? null),
  fairness: new FairnessView(views.fairness),
  output: new OutputView(views.output),
};
const isPlanView = (view: ViewName): view is PlanViewName => Object.hasOwn(planViews, view);

const showGrid = (shown: PreviewState): void =>
  renderGrid(views.grid, shown, queue, (id) => {
    selectView('feed');
    feed.reveal(id);
  });

function render(shown: PreviewState): void {
  banner.replaceChildren(...shown.problems.map((problem) => problemBox(problem)));
  feed.render(shown);
  if (currentView === 'grid') showGrid(shown);
  if (currentView === 'interview') interview.render(shown);
  document.body.dataset.version = String(shown.version);
}

function selectView(view: ViewName): void {
  currentView = view;
  for (const [name, element] of Object.entries(views)) element.hidden = name !== view;
  for (const button of document.querySelectorAll<HTMLElement>('[data-view]')) {
    const isSelected = button.dataset.view === view;
    button.setAttribute('aria-selected', String(isSelected));
    // One tab in the Tab order, the selected one; the arrow keys move between them.
    button.tabIndex = isSelected ? 0 : -1;
  }
  // Before the first state there is nothing to show; it renders the view once it comes.
  if (state !== null) {
    if (view === 'grid') showGrid(state);
    if (view === 'interview') interview.render(state);
  }
  if (isPlanView(view)) void planViews[view].refresh();
  if (location.hash.slice(1) !== view) history.replaceState(null, '', `#${view}`);
  queue.pump();
}

function selectFormat(value: FormatChoice): void {
  format = value;
  localStorage.setItem(formatKey, value);
  showFormat();
  void refresh();
}

function showFormat(): void {
  for (const button of document.querySelectorAll<HTMLElement>('[data-format]')) {
    button.setAttribute('aria-pressed', String(button.dataset.format === format));
  }
}

// ---- Following the server ----------------------------------------------------------------

let refreshing: Promise<void> | null = null;
let isRefreshWanted = false;

/**
 * Fetches the state and shows it; calls meanwhile fold into one more fetch. Never rejects: a
 * server that does not answer shows as Reconnecting, so callers need not wait or catch.
 */
function refresh(): Promise<void> {
  if (refreshing) {
    isRefreshWanted = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      isRefreshWanted = false;
      try {
        state = await fetchState(format);
        live.following(state.isFollowing !== false);
        render(state);
      } catch {
        live.disconnected();
      }
    } while (isRefreshWanted);
  })().finally(() => (refreshing = null));
  return refreshing;
}

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
/** A refresh soon: a burst of stale posts makes one. */
function scheduleRefresh(): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refresh(), 100);
}

const tabs = [...document.querySelectorAll<HTMLElement>('[data-view]')];
for (const [index, button] of tabs.entries()) {
  button.addEventListener('click', () => selectView(button.dataset.view as ViewName));
  // The keys of a tab list (WAI-ARIA): arrows, Home and End select and focus a tab.
  button.addEventListener('keydown', (event) => {
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : undefined;
    const tab = next === undefined ? undefined : tabs[next];
    if (tab === undefined) return;
    event.preventDefault();
    selectView(tab.dataset.view as ViewName);
    tab.focus();
  });
}
for (const button of document.querySelectorAll<HTMLElement>('[data-language]')) {
  button.setAttribute('aria-pressed', String(button.dataset.language === language));
  button.addEventListener('click', () => setLanguage(button.dataset.language as Language));
}
for (const button of document.querySelectorAll<HTMLElement>('[data-format]')) {
  button.addEventListener('click', () =>
    selectFormat((button.dataset.format ?? '') as FormatChoice),
  );
}
showFormat();
// The address's view at once, before the state comes (which then renders it). Own views only:
// `#constructor` must not find Object.prototype's and hide every view.
const addressView = location.hash.slice(1);
selectView(Object.hasOwn(views, addressView) ? (addressView as ViewName) : 'feed');
void refresh();
/** The start of the studio this page was served by (its token is that start's). */
let servedBy: string | undefined;

followEvents({
  onHello: (hello) => {
    servedBy ??= hello.started;
    // Restarted meanwhile: this page's token is no longer taken, so no save would go through.
    if (hello.started !== servedBy) showRestarted();
    live.connected(hello.isFollowing !== false);
    void refresh();
    void historyBar.refresh();
  },
  onChange: () => {
    void refresh();
    void historyBar.refresh();
    if (isPlanView(currentView)) void planViews[currentView].refresh();
  },
  onError: () => live.disconnected(),
});

/**
 * Says the studio was started again and offers to load the page anew; not done by itself, so
 * text typed and not saved can be copied first.
 */
function showRestarted(): void {
  if (document.getElementById('restarted') !== null) return;
  document.body.prepend(
    h(
      'div',
      { id: 'restarted', className: 'restarted', role: 'alert' },
      h('p', { text: t.restarted }),
      h('button', {
        type: 'button',
        className: 'button primary',
        text: t.reloadPage,
        onclick: () => location.reload(),
      }),
    ),
  );
}
