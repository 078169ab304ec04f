import type { BrandFields, BrandState, PlanSaveReply } from '../../page-protocol.js';
import { h } from '../dom.js';
import { field } from './campaign-form.js';
import { t, type PlanTextKey } from './plan-text.js';
import { saveFeedback, unanswered } from './save-feedback.js';

/** The organisation's fields, their labels and help, in the order brand.yaml writes them. */
const fields: readonly [keyof BrandFields, PlanTextKey, PlanTextKey | undefined, string][] = [
  ['organisation', 'brand.organisation', undefined, 'text'],
  ['handle', 'brand.handle', 'brand.handleHelp', 'text'],
  ['website', 'brand.website', undefined, 'text'],
  ['interviewsUrl', 'brand.interviewsUrl', 'brand.interviewsUrlHelp', 'text'],
  ['email', 'brand.email', undefined, 'email'],
  ['contactLine', 'brand.contactLine', 'brand.contactLineHelp', 'text'],
];

/**
 * The organisation (brand.yaml): its name, Instagram handle, addresses and the closing slide's
 * contact line, saved over the version read. A data folder without a brand.yaml (a new
 * organisation's) gets one here, with the bundled colour themes: no file to write by hand.
 * Folded away once the file exists; open, with a word of why, while it does not.
 */
export class BrandForm {
  readonly element = h('details', { className: 'plan-card brand-form' });
  private state: BrandState | undefined;
  private isDirty = false;
  private readonly feedback = h('div', { className: 'feedback', 'aria-live': 'polite' });

  constructor(
    private readonly actions: {
      load: () => Promise<BrandState>;
      save: (baseVersion: string | null, fields: BrandFields) => Promise<PlanSaveReply>;
      reload: () => void;
    },
  ) {}

  /** Reads brand.yaml anew; a form with changes not saved is left as it is. */
  async refresh(): Promise<void> {
    if (this.isDirty) return;
    try {
      this.state = await this.actions.load();
    } catch (error) {
      this.element.replaceChildren(unanswered(error));
      return;
    }
    this.render(this.state);
  }

  private render(state: BrandState): void {
    const isNew = state.fields === null;
    this.element.open = isNew || this.element.open;
    const form = h(
      'form',
      {
        className: 'brand-fields',
        onsubmit: (event) => {
          event.preventDefault();
          void this.save();
        },
      },
      isNew ? h('p', { className: 'help', text: t('brand.missing') }) : null,
      fields.map(([name, label, help, type]) =>
        field(
          t(label),
          h('input', {
            id: `brand-${name}`,
            name,
            type,
            required: true,
            value: state.fields?.[name] ?? '',
            oninput: () => (this.isDirty = true),
          }),
          help === undefined ? undefined : t(help),
        ),
      ),
      h(
        'div',
        { className: 'form-actions' },
        h('button', {
          type: 'submit',
          className: 'button primary',
          text: t(isNew ? 'brand.create' : 'brand.save'),
        }),
        h('span', { className: 'file-name', text: t('campaign.file', { file: state.file }) }),
      ),
      this.feedback,
    );
    this.element.replaceChildren(h('summary', null, h('h2', { text: t('brand.heading') })), form);
  }

  private values(): BrandFields {
    const value = (name: keyof BrandFields): string =>
      this.element.querySelector<HTMLInputElement>(`#brand-${name}`)?.value ?? '';
    return {
      organisation: value('organisation'),
      handle: value('handle'),
      website: value('website'),
      interviewsUrl: value('interviewsUrl'),
      email: value('email'),
      contactLine: value('contactLine'),
    };
  }

  private async save(): Promise<void> {
    const state = this.state;
    if (state === undefined) return;
    this.feedback.replaceChildren(h('p', { className: 'saving', text: t('save.saving') }));
    let reply: PlanSaveReply;
    try {
      reply = await this.actions.save(state.version, this.values());
    } catch (error) {
      this.feedback.replaceChildren(unanswered(error));
      return;
    }
    if (reply.ok) {
      this.isDirty = false;
      state.version = reply.version;
      this.feedback.replaceChildren(
        h('p', { className: 'saved', text: t('campaign.saved', { file: reply.file }) }),
      );
      this.actions.reload();
      return;
    }
    this.feedback.replaceChildren(
      saveFeedback(reply, () => {
        this.isDirty = false;
        this.feedback.replaceChildren();
        this.actions.reload();
      }),
    );
  }
}
