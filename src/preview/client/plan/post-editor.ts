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
import { field } from './campaign-form.js';
import { HighlightPicker } from './highlight-picker.js';
import { blockTexts, isVerbatimPassage } from './highlight-text.js';
import { t } from './plan-text.js';
import { chosenQa, qaChooser } from './qa-chooser.js';
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
 * One interview's post: its date, the Q&As in order (qa-chooser.ts), and the cover's highlight,
 * chosen by selecting words of a chosen answer (highlight-picker.ts). The carousel the choice
 * makes is drawn beside it.
 */
export class PostEditor {
  readonly element = h('section', {
    className: 'plan-card post-editor',
    'aria-labelledby': 'post-editor-heading',
    hidden: true,
  });
  private draft: Draft | undefined;
  private isDirty = false;

  /** Whether the open post has a change not saved yet. */
  get hasChanges(): boolean {
    return this.isDirty;
  }
  private interview: PlanInterview | undefined;
  private readonly card: PostCard;
  private readonly feedback = h('div', { className: 'feedback', 'aria-live': 'polite' });
  private readonly highlightPicker = new HighlightPicker(this.element, (highlight) => {
    this.draft!.highlight = highlight;
    this.changed();
  });
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
    const chosen = chosenQa(draft.qa, interview);

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
          ...qaChooser(draft, interview, () => this.changed()),
          this.highlightPicker.render(draft.highlight, chosen),
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

  private schedulePreview(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.drawPreview(), previewSettleMs);
  }

  /** Draws the carousel of the draft's Q&As, as its campaign would post it. */
  private async drawPreview(): Promise<void> {
    const { draft, interview } = this;
    if (draft === undefined || interview === undefined || this.element.hidden) return;
    const query = new URLSearchParams({ interview: interview.id, qa: draft.qa.join(',') });
    // The cover as it will be: with the chosen quote, when it stands in the chosen answers.
    if (draft.highlight !== '') query.set('highlight', draft.highlight);
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
