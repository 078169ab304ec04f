import type { BrandFields, BrandState, PlanSaveReply } from '../../page-protocol.js';
import { h } from '../dom.js';
import { field } from './campaign-form.js';
import { t, type PlanTextKey } from './plan-text.js';
import { saveAndSay, unanswered } from './save-feedback.js';

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
    const values = {} as BrandFields;
    for (const [name] of fields) {
      values[name] = this.element.querySelector<HTMLInputElement>(`#brand-${name}`)?.value ?? '';
    }
    return values;
  }

  private async save(): Promise<void> {
    const state = this.state;
    if (state === undefined) return;
    await saveAndSay(this.feedback, () => this.actions.save(state.version, this.values()), {
      saved: (version) => {
        this.isDirty = false;
        state.version = version;
      },
      dropped: () => (this.isDirty = false),
      reload: this.actions.reload,
    });
  }
}
