import type {
  ChoiceReply,
  PlanCampaign,
  PlanInterview,
  PlanSaveReply,
  PlanState,
  PreviewState,
  ScheduleRequest,
} from '../../page-protocol.js';
import { fetchChoice, unansweredProblem } from '../api.js';
import { h } from '../dom.js';
import { PostCard } from '../post-card.js';
import type { PostQueue } from '../post-queue.js';
import { withEmoji } from '../text.js';
import { field } from './campaign-form.js';
import { blockTexts, isVerbatimPassage, passageOf } from './highlight-text.js';
import { t } from './plan-text.js';
import { saveFeedback, unanswered } from './save-feedback.js';

/** A post being edited: an interview's place on a campaign's schedule. */
interface Draft {
  campaignId: string;
  baseVersion: string;
  interviewId: string;
  isScheduled: boolean;
  date: string;
  qa: string[];
  highlight: string;
}

/** The carousel is drawn again once the choice has settled this long. */
const previewSettleMs = 300;

/**
 * One interview's post: its date, the Q&As in order (added, moved, removed with buttons), and
 * the cover's highlight, chosen by selecting words of a chosen answer. Only a selection that is
 * a passage of one paragraph or list item, whole words, is offered; any other selection is met
 * with what to do instead. The carousel the choice makes is drawn beside it.
 */
export class PostEditor {
  readonly element = h('section', {
    className: 'plan-card post-editor',
    'aria-labelledby': 'post-editor-heading',
    hidden: true,
  });
  private draft: Draft | undefined;
  private isDirty = false;
  private interview: PlanInterview | undefined;
  private offered = '';
  private readonly card: PostCard;
  private readonly feedback = h('div', { className: 'feedback', 'aria-live': 'polite' });
  private readonly offer = h('div', { className: 'highlight-offer', 'aria-live': 'polite' });
  private timer: ReturnType<typeof setTimeout> | undefined;
  private asked = '';

  constructor(
    queue: PostQueue,
    private readonly actions: {
      save: (campaignId: string, request: ScheduleRequest) => Promise<PlanSaveReply>;
      reload: () => void;
      onClose: () => void;
      brand: () => PreviewState['brand'];
      format: (campaignId: string) => PlanCampaign['format'] | undefined;
      time: (campaignId: string) => string;
    },
  ) {
    this.card = new PostCard(queue);
    this.card.element.dataset.postId = 'schedule-choice';
    document.addEventListener('selectionchange', () => this.onDocumentSelection());
  }

  /** The interview being edited, if any. */
  get interviewId(): string | undefined {
    return this.draft?.interviewId;
  }

  /** Opens an interview's post: as scheduled, or new on `date` (its publication day if none). */
  open(campaign: PlanCampaign, interview: PlanInterview, date?: string): void {
    const post = campaign.posts.find((candidate) => candidate.interview === interview.id);
    this.draft = {
      campaignId: campaign.id,
      baseVersion: campaign.version,
      interviewId: interview.id,
      isScheduled: post !== undefined,
      date: date ?? post?.date ?? interview.publishedOn,
      qa: post?.qa ?? interview.qa.slice(0, 2).map((qa) => qa.id),
      highlight: post?.highlight ?? '',
    };
    this.isDirty = date !== undefined && date !== post?.date;
    this.interview = interview;
    this.feedback.replaceChildren();
    this.element.hidden = false;
    this.render();
    this.element.scrollIntoView({ block: 'start' });
    this.element.querySelector<HTMLElement>('h2')?.focus();
  }

  /** Follows a new state: an open post without unsaved changes shows the file as it is now. */
  refresh(plan: PlanState): void {
    const draft = this.draft;
    if (draft === undefined) return;
    const campaign = plan.campaigns.find((candidate) => candidate.id === draft.campaignId);
    const interview = plan.interviews.find((candidate) => candidate.id === draft.interviewId);
    if (campaign === undefined || interview === undefined) {
      this.close();
      return;
    }
    if (this.isDirty) return;
    const feedback = [...this.feedback.childNodes];
    this.open(campaign, interview);
    this.feedback.replaceChildren(...feedback);
  }

  close(): void {
    this.draft = undefined;
    this.element.hidden = true;
    this.element.replaceChildren();
    this.actions.onClose();
  }

  private changed(): void {
    this.isDirty = true;
    this.render();
  }

  private render(): void {
    const { draft, interview } = this;
    if (draft === undefined || interview === undefined) return;
    const chosen = draft.qa
      .map((id) => interview.qa.find((qa) => qa.id === id))
      .filter((qa) => qa !== undefined);
    const others = interview.qa.filter((qa) => !draft.qa.includes(qa.id));

    const dateInput = h('input', {
      type: 'date',
      id: 'post-date',
      value: draft.date,
      required: true,
      onchange: (event) => {
        draft.date = (event.target as HTMLInputElement).value;
        this.isDirty = true;
        this.schedulePreview();
      },
    });
    const move = (index: number, by: number): void => {
      const [id] = draft.qa.splice(index, 1);
      draft.qa.splice(index + by, 0, id!);
      this.changed();
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
                this.changed();
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
              this.changed();
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

    this.element.replaceChildren(
      h(
        'div',
        { className: 'post-editor-layout' },
        h(
          'div',
          { className: 'post-editor-fields' },
          h('h2', {
            id: 'post-editor-heading',
            tabindex: '-1',
            text: t('post.heading', {
              party: interview.party,
              name: interview.name,
              role: interview.role,
            }),
          }),
          field(t('post.date'), dateInput),
          h('h3', { text: t('post.chosen') }),
          chosen.length === 0
            ? h('p', { className: 'empty-note', text: t('post.noneChosen') })
            : chosenList,
          others.length === 0 ? null : h('h3', { text: t('post.others') }),
          others.length === 0 ? null : otherList,
          this.highlightPart(chosen),
          h(
            'div',
            { className: 'form-actions' },
            h(
              'button',
              { type: 'button', className: 'button primary', onclick: () => void this.save() },
              t('post.save'),
            ),
            draft.isScheduled
              ? h(
                  'button',
                  { type: 'button', className: 'button', onclick: () => void this.unschedule() },
                  t('post.unschedule'),
                )
              : null,
            h(
              'button',
              { type: 'button', className: 'button', onclick: () => this.close() },
              t('post.close'),
            ),
          ),
          this.feedback,
        ),
        h(
          'div',
          { className: 'post-editor-preview' },
          h('h3', { text: t('post.preview') }),
          this.card.element,
        ),
      ),
    );
    this.schedulePreview();
  }

  /** The current highlight, what a selection offers, and the chosen answers to select in. */
  private highlightPart(chosen: PlanInterview['qa']): HTMLElement {
    const draft = this.draft!;
    const blocks = blockTexts(chosen.map((qa) => qa.answer));
    const isLost = draft.highlight !== '' && !isVerbatimPassage(draft.highlight, blocks);
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
      draft.highlight === ''
        ? h('p', { className: 'highlight-current', text: t('post.highlightNone') })
        : h(
            'p',
            { className: `highlight-current${isLost ? ' is-lost' : ''}` },
            h('span', { lang: 'sv', text: t('post.highlightChosen', { text: draft.highlight }) }),
            ' ',
            h(
              'button',
              {
                type: 'button',
                className: 'button small',
                onclick: () => {
                  draft.highlight = '';
                  this.changed();
                },
              },
              t('post.highlightClear'),
            ),
          ),
      isLost
        ? h('p', {
            className: 'refusal',
            role: 'alert',
            text: t('post.highlightLost', { text: draft.highlight }),
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
            this.draft!.highlight = passage;
            this.changed();
            this.element.querySelector<HTMLElement>('.highlight-current')?.focus();
          },
        },
        `${t('post.highlightUse')}: `,
        h('q', { lang: 'sv', text: passage }),
      ),
    );
  }

  /** A selection of the page's text (not of an answer) in the editor: said what to select. */
  private onDocumentSelection(): void {
    if (this.element.hidden) return;
    const selection = document.getSelection();
    if (selection === null || selection.isCollapsed || selection.rangeCount === 0) return;
    const { anchorNode, focusNode } = selection;
    if (!this.element.contains(anchorNode) && !this.element.contains(focusNode)) return;
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

  private schedulePreview(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.drawPreview(), previewSettleMs);
  }

  /** Draws the carousel of the draft's Q&As, as its campaign would post it. */
  private async drawPreview(): Promise<void> {
    const { draft, interview } = this;
    if (draft === undefined || interview === undefined || this.element.hidden) return;
    const query = new URLSearchParams({ interview: interview.id, qa: draft.qa.join(',') });
    const asked = query.toString();
    this.asked = asked;
    const reply = await fetchChoice(query).catch((error: unknown): ChoiceReply => ({
      ok: false,
      problem: unansweredProblem(String(error)),
    }));
    if (this.asked !== asked || this.draft !== draft) return;
    const post = {
      id: 'schedule-choice',
      party: interview.party,
      name: interview.name,
      role: interview.role,
      date: draft.date || interview.publishedOn,
      time: this.actions.time(draft.campaignId),
      qa: draft.qa,
      format: this.actions.format(draft.campaignId) ?? 'square',
    };
    this.card.update(
      reply.ok ? { ...post, key: reply.key } : { ...post, problem: reply.problem },
      this.actions.brand(),
    );
  }

  private async save(): Promise<void> {
    const { draft, interview } = this;
    if (draft === undefined || interview === undefined) return;
    const problems: string[] = [];
    if (draft.date === '') problems.push(t('post.needDate'));
    if (draft.qa.length === 0) problems.push(t('post.needQuestion'));
    const blocks = blockTexts(
      interview.qa.filter((qa) => draft.qa.includes(qa.id)).map((qa) => qa.answer),
    );
    if (draft.highlight !== '' && !isVerbatimPassage(draft.highlight, blocks)) {
      problems.push(t('post.highlightLost', { text: draft.highlight }));
    }
    if (problems.length > 0) {
      this.feedback.replaceChildren(
        h(
          'div',
          { className: 'refusal', role: 'alert' },
          problems.map((problem) => h('p', { text: problem })),
        ),
      );
      return;
    }
    await this.send(
      {
        baseVersion: draft.baseVersion,
        interview: draft.interviewId,
        post: {
          date: draft.date,
          qa: [...draft.qa],
          ...(draft.highlight === '' ? {} : { highlight: draft.highlight }),
        },
      },
      t('post.saved'),
    );
  }

  private async unschedule(): Promise<void> {
    const draft = this.draft;
    if (draft === undefined) return;
    await this.send(
      { baseVersion: draft.baseVersion, interview: draft.interviewId, post: null },
      t('post.removed'),
    );
  }

  private async send(request: ScheduleRequest, done: string): Promise<void> {
    const draft = this.draft!;
    this.feedback.replaceChildren(h('p', { className: 'saving', text: t('save.saving') }));
    let reply: PlanSaveReply;
    try {
      reply = await this.actions.save(draft.campaignId, request);
    } catch (error) {
      this.feedback.replaceChildren(unanswered(error));
      return;
    }
    if (!reply.ok) {
      this.feedback.replaceChildren(
        saveFeedback(reply, () => {
          this.isDirty = false;
          this.feedback.replaceChildren();
          this.actions.reload();
        }),
      );
      return;
    }
    this.isDirty = false;
    draft.baseVersion = reply.version;
    draft.isScheduled = request.post !== null;
    this.feedback.replaceChildren(h('p', { className: 'saved', role: 'status', text: done }));
    this.actions.reload();
  }
}
