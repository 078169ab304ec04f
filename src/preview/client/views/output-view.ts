import type {
  BuildProgress,
  OutputCampaign,
  OutputPost,
  OutputState,
  PostPublishStatus,
  Problem,
} from '../../page-protocol.js';
import { h } from '../dom.js';
import { problemBox } from '../problem-box.js';
import { withEmoji } from '../text.js';
import { fetchOutput, followBuild, startBuild } from '../plan/plan-api.js';
import { longDate, t, type PlanTextKey } from '../plan/plan-text.js';
import { unanswered } from '../plan/save-feedback.js';

/** A build started from this page: what it has said so far. */
interface BuildView {
  /** The post built, or undefined for the whole campaign. */
  post: string | undefined;
  lines: string[];
  posts: number;
  done: number;
  isOver: boolean;
  problem?: Problem;
}

/**
 * The Build and publish view: per campaign, a button that builds all of it and, per post, one
 * that builds that post, each with its progress as the server reports it; a post's slides,
 * caption and alt text as a zip; its caption to copy; the campaign's manifest, schedule and
 * contact sheet(s) one click away; and where each post stands on Instagram.
 */
export class OutputView {
  private state: OutputState | undefined;
  private readonly builds = new Map<string, BuildView>();
  private loading: Promise<void> | undefined;
  private readonly status = h('p', { className: 'visually-hidden', role: 'status' });

  constructor(private readonly element: HTMLElement) {}

  refresh(): Promise<void> {
    this.loading ??= (async () => {
      try {
        this.state = await fetchOutput();
        this.render();
      } catch (error) {
        this.element.replaceChildren(unanswered(error));
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  private render(): void {
    const state = this.state;
    if (state === undefined) return;
    const focused = document.activeElement?.id;
    this.element.replaceChildren(
      h(
        'div',
        { className: 'output-layout' },
        h('h2', { text: t('output.heading') }),
        h('p', { className: 'help', text: t('output.folder', { dir: state.outDir }) }),
        state.problem === undefined ? null : problemBox(state.problem),
        state.statusProblem === undefined ? null : problemBox(state.statusProblem),
        state.campaigns.map((campaign) => this.campaign(campaign)),
        this.status,
      ),
    );
    if (focused) document.getElementById(focused)?.focus();
  }

  private campaign(campaign: OutputCampaign): HTMLElement {
    const build = this.builds.get(campaign.id);
    const isBuilding = build !== undefined && !build.isOver;
    const sheets = campaign.files.filter((name) => name.startsWith('contact-sheet'));
    const link = (name: string, label: string): HTMLAnchorElement =>
      h('a', {
        href: `/out/${campaign.id}/${name}`,
        target: '_blank',
        rel: 'noopener',
        className: 'button small',
        text: label,
      });
    return h(
      'section',
      {
        className: 'plan-card output',
        'data-campaign': campaign.id,
        'aria-labelledby': `output-${campaign.id}`,
      },
      h(
        'div',
        { className: 'card-head' },
        h('h3', { id: `output-${campaign.id}` }, withEmoji(`${campaign.marker} ${campaign.title}`)),
        h('button', {
          type: 'button',
          id: `build-${campaign.id}`,
          className: 'button primary',
          disabled: isBuilding,
          onclick: () => void this.build(campaign.id),
          text: t('output.buildCampaign'),
        }),
      ),
      h(
        'div',
        { className: 'campaign-files' },
        campaign.files.length === 0
          ? h('span', { className: 'empty-note', text: t('output.nothingBuilt') })
          : [
              campaign.files.includes('manifest.json')
                ? link('manifest.json', t('output.manifest'))
                : null,
              sheets.map((name, index) =>
                link(
                  name,
                  sheets.length === 1
                    ? t('output.sheet')
                    : t('output.sheetPage', { page: index + 1 }),
                ),
              ),
              campaign.files.includes('schedule.csv')
                ? link('schedule.csv', t('output.schedule'))
                : null,
            ],
      ),
      build === undefined ? null : this.progress(build),
      h(
        'table',
        { className: 'output-posts' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            [
              t('output.when'),
              t('output.party'),
              t('output.build'),
              t('output.instagram'),
              t('output.actions'),
            ].map((text) => h('th', { scope: 'col', text })),
          ),
        ),
        h(
          'tbody',
          null,
          campaign.posts.map((post) => this.post(post, isBuilding)),
        ),
      ),
    );
  }

  private post(post: OutputPost, isBuilding: boolean): HTMLElement {
    const when = `${longDate(post.date)} ${post.publishAt.slice(11, 16)}`;
    const label = { party: post.party, date: longDate(post.date) };
    const buildText = t(`build.${post.build}` as PlanTextKey, { slides: post.slides ?? 0 });
    const isCurrent = post.build === 'current';
    return h(
      'tr',
      { 'data-post-id': post.id, 'data-build': post.build },
      h('td', { text: when }),
      h('th', { scope: 'row', text: post.party }),
      h('td', { className: `build is-${post.build}`, text: buildText }),
      h('td', { className: 'publish-status' }, statusOf(post.status, post.campaign)),
      h(
        'td',
        { className: 'post-actions' },
        h('button', {
          type: 'button',
          id: `build-${post.id.replace('/', '--')}`,
          className: 'button small',
          disabled: isBuilding,
          'aria-label': t('output.buildPostLabel', label),
          onclick: () => void this.build(post.campaign, post.id),
          text: t('output.buildPost'),
        }),
        isCurrent
          ? h('a', {
              className: 'button small download',
              href: `/out/${post.id}.zip`,
              download: `${post.id.replace('/', '-')}.zip`,
              'aria-label': t('output.downloadLabel', label),
              text: t('output.download'),
            })
          : h('button', {
              type: 'button',
              className: 'button small download',
              disabled: true,
              'aria-label': t('output.downloadLabel', label),
              text: t('output.download'),
            }),
        h('button', {
          type: 'button',
          className: 'button small copy',
          'aria-label': t('output.copyLabel', label),
          onclick: (event) => void this.copy(post.caption, event.currentTarget as HTMLElement),
          text: t('output.copy'),
        }),
      ),
    );
  }

  private progress(build: BuildView): HTMLElement {
    return h(
      'div',
      { className: 'build-progress', role: 'region', 'aria-label': t('progress.label') },
      h('progress', {
        max: String(Math.max(build.posts, 1)),
        value: String(
          build.isOver && build.problem === undefined ? Math.max(build.posts, 1) : build.done,
        ),
        'aria-label': t('progress.label'),
      }),
      h(
        'ol',
        { className: 'build-log', 'aria-live': 'polite' },
        build.lines.map((line) => h('li', { text: line })),
      ),
      build.problem === undefined
        ? null
        : problemBox({ ...build.problem, title: t('progress.failed') }),
    );
  }

  private async build(campaign: string, post?: string): Promise<void> {
    const build: BuildView = {
      post,
      lines: [t('progress.started')],
      posts: 0,
      done: 0,
      isOver: false,
    };
    this.builds.set(campaign, build);
    this.render();
    let id: string;
    try {
      ({ id } = await startBuild({ campaign, ...(post === undefined ? {} : { post }) }));
    } catch (error) {
      build.isOver = true;
      build.problem = {
        title: t('progress.failed'),
        entries: [{ message: t('noAnswer'), hint: String(error) }],
      };
      this.render();
      return;
    }
    followBuild(id, (event) => {
      this.apply(build, event);
      this.render();
      if (build.isOver) void this.refresh();
    });
  }

  private apply(build: BuildView, event: BuildProgress): void {
    switch (event.type) {
      case 'started':
        return;
      case 'waiting':
        build.lines.push(t('progress.waiting'));
        return;
      case 'planned':
        build.posts = event.posts;
        build.lines.push(t('progress.planned', event));
        return;
      case 'post':
        build.done++;
        build.lines.push(
          t(
            event.status === 'rendered' ? 'progress.post.rendered' : 'progress.post.unchanged',
            event,
          ),
        );
        return;
      case 'campaign':
        build.lines.push(t('progress.campaign'));
        return;
      case 'done': {
        build.isOver = true;
        const line = t('progress.done', { ...event, seconds: (event.ms / 1000).toFixed(1) });
        build.lines.push(line);
        this.status.textContent = line;
        return;
      }
      case 'failed':
        build.isOver = true;
        build.problem = event.problem;
        this.status.textContent = t('progress.failed');
    }
  }

  /** Copies a caption; where the clipboard is closed to the page, the old way, else by hand. */
  private async copy(caption: string, button: HTMLElement): Promise<void> {
    let isCopied = false;
    try {
      await navigator.clipboard.writeText(caption);
      isCopied = true;
    } catch {
      const area = h('textarea', {
        className: 'copy-area',
        readonly: true,
        'aria-label': t('output.copy'),
      });
      area.value = caption;
      button.after(area);
      area.select();
      // The old way, deprecated but still the fallback where the Clipboard API is refused.
      isCopied = document.execCommand('copy');
      if (isCopied) area.remove();
    }
    this.status.textContent = isCopied ? t('output.copied') : t('output.copyFailed');
    button.dataset.copied = String(isCopied);
    button.textContent = isCopied ? t('output.copied') : t('output.copyFailed');
    setTimeout(() => (button.textContent = t('output.copy')), 2500);
  }
}

/** Where a post stands on Instagram, in words (a published one links to it). */
function statusOf(
  status: PostPublishStatus | undefined,
  campaign: string,
): (HTMLElement | string)[] {
  if (status === undefined) return [t('status.unknown')];
  switch (status.state) {
    case 'published':
      return [
        h('span', { className: 'status is-published', text: t('status.published') }),
        // Only a web address is a link: the ledger is a file anyone could have edited.
        ...(status.permalink === undefined || !status.permalink.startsWith('https://')
          ? []
          : [
              ' ',
              h('a', {
                href: status.permalink,
                target: '_blank',
                rel: 'noopener noreferrer',
                text: t('status.publishedLink'),
              }),
            ]),
      ];
    case 'failed':
      return [
        h('span', {
          className: 'status is-failed',
          text: t('status.failed', { error: status.error }),
        }),
        ...(status.hint === undefined
          ? []
          : [h('span', { className: 'hint', text: ` ${status.hint}` })]),
      ];
    case 'due':
      return [
        h('span', {
          className: 'status is-due',
          text:
            status.progress === 'creating'
              ? t('status.dueCreating')
              : status.progress === 'publishing'
                ? t('status.duePublishing')
                : t('status.due'),
        }),
      ];
    case 'scheduled':
      return [h('span', { className: 'status is-scheduled', text: t('status.scheduled') })];
    case 'missed':
      return [
        h('span', { className: 'status is-missed', text: t('status.missed') }),
        h('span', {
          className: 'hint',
          // publishAt is the post's own time, with its offset: its first ten characters its date.
          text: ` ${t('status.missedHint', { campaign, date: status.publishAt.slice(0, 10) })}`,
        }),
      ];
  }
}
