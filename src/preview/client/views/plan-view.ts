import type {
  CampaignFields,
  PlanCampaign,
  PlanSaveReply,
  PlanState,
  PreviewState,
} from '../../page-protocol.js';
import { h } from '../dom.js';
import type { PostQueue } from '../post-queue.js';
import { problemBox } from '../problem-box.js';
import { BrandForm } from '../plan/brand-form.js';
import { CampaignForm, field } from '../plan/campaign-form.js';
import {
  createCampaign,
  fetchBrand,
  fetchPlan,
  saveBrand,
  saveCampaign,
  saveSchedule,
} from '../plan/plan-api.js';
import { longDate, t } from '../plan/plan-text.js';
import { PostEditor } from '../plan/post-editor.js';
import { saveFeedback, unanswered } from '../plan/save-feedback.js';
import { ScheduleView } from '../plan/schedule.js';

const campaignKey = 'excerpt-plan-campaign';

/**
 * A new campaign's id as the server makes it of its title (plan/campaign-edits.ts, campaignIdOf):
 * the title's slug (data/slug.ts), cut at a word's end past 60 characters.
 */
export function slugOf(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug;
  const cut = slug.slice(0, 61);
  const end = cut.lastIndexOf('-');
  return (end > 0 ? cut.slice(0, end) : cut.slice(0, 60)).replace(/-+$/, '');
}

/**
 * The Campaigns view: pick or create a campaign, edit its fields, and place its posts on the
 * schedule (calendar or list), each with its Q&As and cover highlight. Every save names the
 * version of the file it was made from, so a file changed on disk meanwhile is never
 * overwritten: the page shows both.
 */
export class PlanView {
  private plan: PlanState | undefined;
  private campaignId = localStorage.getItem(campaignKey) ?? '';
  private isCreating = false;
  private readonly picker = h('div', { className: 'plan-picker' });
  private readonly banner = h('div', { className: 'plan-banner' });
  private readonly creator = h('section', { className: 'plan-card creator', hidden: true });
  private readonly form: CampaignForm;
  private readonly brandForm: BrandForm;
  private readonly schedule: ScheduleView;
  private readonly editor: PostEditor;
  private readonly status = h('p', { className: 'visually-hidden', role: 'status' });
  private loading: Promise<void> | undefined;

  constructor(
    private readonly element: HTMLElement,
    queue: PostQueue,
    brand: () => PreviewState['brand'],
  ) {
    const reload = (): void => void this.refresh();
    this.brandForm = new BrandForm({ load: fetchBrand, save: saveBrand, reload });
    this.form = new CampaignForm({
      save: (id, baseVersion, fields) => saveCampaign(id, { baseVersion, fields }),
      reload,
    });
    this.editor = new PostEditor(queue, {
      save: (id, request) => saveSchedule(id, request),
      reload,
      onClose: () => undefined,
      brand,
      format: (id) => this.plan?.campaigns.find((campaign) => campaign.id === id)?.format,
      time: (id) => this.plan?.campaigns.find((campaign) => campaign.id === id)?.time ?? '08:00',
    });
    this.schedule = new ScheduleView({
      edit: (interview, date) => {
        const campaign = this.current();
        if (campaign !== undefined) this.editor.open(campaign, interview, date);
      },
      move: (post, date) => void this.move(post.interview, date),
    });
    element.replaceChildren(
      h(
        'div',
        { className: 'plan-layout' },
        this.banner,
        this.brandForm.element,
        this.picker,
        this.creator,
        this.form.element,
        this.schedule.element,
        this.editor.element,
        this.status,
      ),
    );
  }

  /** Fetches the campaigns as their files are now and shows them; calls meanwhile fold. */
  refresh(): Promise<void> {
    this.loading ??= (async () => {
      try {
        [this.plan] = await Promise.all([fetchPlan(), this.brandForm.refresh()]);
        this.render();
      } catch (error) {
        this.banner.replaceChildren(unanswered(error));
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  private current(): PlanCampaign | undefined {
    return this.plan?.campaigns.find((campaign) => campaign.id === this.campaignId);
  }

  private render(): void {
    const plan = this.plan;
    if (plan === undefined) return;
    if (this.current() === undefined) this.campaignId = plan.campaigns[0]?.id ?? '';
    const campaign = this.current();
    this.banner.replaceChildren(...plan.problems.map((problem) => problemBox(problem)));
    this.picker.replaceChildren(
      plan.campaigns.length === 0
        ? h('p', { className: 'empty-note', text: t('campaign.none') })
        : field(
            t('campaign.pick'),
            h(
              'select',
              {
                id: 'plan-campaign',
                onchange: (event) => {
                  const select = event.target as HTMLSelectElement;
                  // Another campaign would be shown in place of what was typed: asked first.
                  if (
                    (this.form.hasChanges || this.editor.hasChanges) &&
                    !window.confirm(t('campaign.discardUnsaved'))
                  ) {
                    select.value = this.campaignId;
                    return;
                  }
                  this.campaignId = select.value;
                  localStorage.setItem(campaignKey, this.campaignId);
                  this.editor.close();
                  this.render();
                },
              },
              plan.campaigns.map((each) =>
                h(
                  'option',
                  { value: each.id, selected: each.id === this.campaignId },
                  `${each.marker} ${each.title}`,
                ),
              ),
            ),
            undefined,
            'field campaign-pick',
          ),
      h('button', {
        type: 'button',
        className: 'button',
        'aria-expanded': String(this.isCreating),
        'aria-controls': 'campaign-creator',
        onclick: () => this.openCreator(),
        text: `+ ${t('campaign.new')}`,
      }),
    );
    this.form.element.hidden = campaign === undefined;
    this.schedule.element.hidden = campaign === undefined;
    if (campaign !== undefined) {
      this.form.show(campaign, plan);
      this.schedule.render(plan, campaign);
    }
    this.editor.refresh(plan);
  }

  /** The form of a new campaign: its title (which makes its id) and the other fields. */
  private openCreator(): void {
    const plan = this.plan;
    if (plan === undefined) return;
    this.isCreating = true;
    const feedback = h('div', { className: 'feedback', 'aria-live': 'polite' });
    const idNote = h('p', { className: 'help', id: 'new-title-help', 'aria-live': 'polite' });
    const title = h('input', {
      id: 'new-title',
      required: true,
      'aria-describedby': 'new-title-help',
    });
    const showId = (): void => {
      const id = slugOf(title.value);
      const waiting = plan.interviews.filter((interview) => interview.campaign === id).length;
      idNote.textContent =
        id === ''
          ? ''
          : [
              t('campaign.createHelp', { id }),
              waiting > 0 ? t('campaign.interviewsWaiting', { count: waiting }) : '',
            ]
              .filter((part) => part !== '')
              .join(' ');
    };
    title.addEventListener('input', showId);
    const marker = h('input', { id: 'new-marker', value: '💬', size: '4' });
    const theme = h(
      'select',
      { id: 'new-theme' },
      plan.themes.map((name) => h('option', { value: name }, name)),
    );
    const form = h(
      'form',
      {
        onsubmit: (event) => {
          event.preventDefault();
          if (title.value.trim() === '') {
            feedback.replaceChildren(
              h('p', { className: 'refusal', role: 'alert', text: t('campaign.titleNeeded') }),
            );
            return;
          }
          const fields: CampaignFields = {
            title: title.value.trim(),
            subtitle: '',
            marker: marker.value.trim(),
            theme: theme.value,
            format: 'square',
            time: '08:00',
            hashtags: [],
          };
          void this.create(fields, feedback);
        },
      },
      field(t('campaign.title'), title),
      idNote,
      h(
        'div',
        { className: 'field-row' },
        field(t('campaign.marker'), marker, t('campaign.markerHelp')),
        field(t('campaign.theme'), theme),
      ),
      h(
        'div',
        { className: 'form-actions' },
        h('button', {
          type: 'submit',
          className: 'button primary',
          text: t('campaign.createButton'),
        }),
        h('button', {
          type: 'button',
          className: 'button',
          onclick: () => this.closeCreator(),
          text: t('campaign.cancel'),
        }),
      ),
      feedback,
    );
    this.creator.id = 'campaign-creator';
    this.creator.setAttribute('aria-labelledby', 'creator-heading');
    this.creator.replaceChildren(
      h('h2', { id: 'creator-heading', text: t('campaign.createHeading') }),
      form,
    );
    this.creator.hidden = false;
    this.render();
    title.focus();
  }

  private closeCreator(): void {
    this.isCreating = false;
    this.creator.hidden = true;
    this.creator.replaceChildren();
    this.render();
  }

  private async create(fields: CampaignFields, feedback: HTMLElement): Promise<void> {
    feedback.replaceChildren(h('p', { className: 'saving', text: t('save.saving') }));
    let reply: PlanSaveReply;
    try {
      reply = await createCampaign({ fields });
    } catch (error) {
      feedback.replaceChildren(unanswered(error));
      return;
    }
    if (!reply.ok) {
      feedback.replaceChildren(saveFeedback(reply, () => void this.refresh()));
      return;
    }
    this.closeCreator();
    this.status.textContent = t('campaign.created', { title: fields.title, file: reply.file });
    // A fetch under way began before the file was written: it would not find the new campaign
    // (and would show the first instead). The new one is chosen for the fetch after it.
    if (this.loading !== undefined) await this.loading;
    this.campaignId = reply.id;
    localStorage.setItem(campaignKey, reply.id);
    await this.refresh();
    this.element.querySelector<HTMLElement>('#campaign-title')?.focus();
  }

  /** A post dragged to another day: saved with its Q&As and highlight as they are. */
  private async move(interviewId: string, date: string): Promise<void> {
    const campaign = this.current();
    const post = campaign?.posts.find((candidate) => candidate.interview === interviewId);
    if (campaign === undefined || post === undefined) return;
    const reply = await saveSchedule(campaign.id, {
      baseVersion: campaign.version,
      interview: interviewId,
      post: {
        date,
        qa: post.qa,
        ...(post.highlight === undefined ? {} : { highlight: post.highlight }),
      },
    }).catch((error: unknown) => {
      this.banner.replaceChildren(unanswered(error));
      return undefined;
    });
    if (reply === undefined) return;
    if (!reply.ok) {
      this.banner.replaceChildren(saveFeedback(reply, () => void this.refresh()));
      return;
    }
    const party =
      this.plan?.interviews.find((interview) => interview.id === interviewId)?.party ?? interviewId;
    this.status.textContent = t('schedule.moved', { party, date: longDate(date) });
    await this.refresh();
  }
}
