import type {
  CampaignFields,
  PlanCampaign,
  PlanSaveReply,
  PlanState,
  PostFormat,
} from '../../page-protocol.js';
import { h } from '../dom.js';
import { hashtagOf } from './hashtags.js';
import { t, type PlanTextKey } from './plan-text.js';
import { saveAndSay } from './save-feedback.js';

const formats: readonly PostFormat[] = ['square', 'portrait', 'story'];

/** A labelled field: the label, the control, and a line of help under it. */
export function field(
  label: string,
  control: HTMLElement,
  help?: string,
  className = 'field',
): HTMLElement {
  const id = control.id;
  const helpId = help === undefined ? undefined : `${id}-help`;
  if (helpId !== undefined) control.setAttribute('aria-describedby', helpId);
  return h(
    'div',
    { className },
    h('label', { for: id, text: label }),
    control,
    help === undefined ? null : h('p', { className: 'help', id: helpId, text: help }),
  );
}

/**
 * The campaign's fields: title, subtitle, marker, theme, format, publish time and hashtags,
 * saved together over the version of the file the form was filled from. While the form holds
 * changes not saved, a new state does not replace them: saving then shows the conflict.
 */
export class CampaignForm {
  readonly element = h('section', {
    className: 'plan-card campaign-form',
    'aria-labelledby': 'campaign-form-heading',
  });
  private campaign: PlanCampaign | undefined;
  private baseVersion = '';
  private isDirty = false;
  private hashtags: string[] = [];
  private maxHashtags = 5;
  private readonly feedback = h('div', { className: 'feedback', 'aria-live': 'polite' });

  constructor(
    private readonly actions: {
      save: (id: string, baseVersion: string, fields: CampaignFields) => Promise<PlanSaveReply>;
      reload: () => void;
    },
  ) {}

  /** Whether a field was changed and not saved yet. */
  get hasChanges(): boolean {
    return this.isDirty;
  }

  /** Shows a campaign; a form with unsaved changes to the same campaign is left as it is. */
  show(campaign: PlanCampaign, plan: PlanState): void {
    if (this.isDirty && this.campaign?.id === campaign.id) return;
    if (this.campaign?.id !== campaign.id) this.feedback.replaceChildren();
    this.campaign = campaign;
    this.baseVersion = campaign.version;
    this.isDirty = false;
    this.hashtags = [...campaign.hashtags];
    this.maxHashtags = plan.maxHashtags;
    this.render(campaign, plan);
  }

  private render(campaign: PlanCampaign, plan: PlanState): void {
    const input = (
      id: string,
      value: string,
      extra: Record<string, string> = {},
    ): HTMLInputElement =>
      h('input', { id, name: id, value, oninput: () => (this.isDirty = true), ...extra });
    const select = (id: string, options: [string, string][], value: string): HTMLSelectElement =>
      h(
        'select',
        { id, name: id, onchange: () => (this.isDirty = true) },
        options.map(([option, label]) =>
          h('option', { value: option, selected: option === value }, label),
        ),
      );
    const themes = plan.themes.includes(campaign.theme)
      ? plan.themes
      : [...plan.themes, campaign.theme];
    const form = h(
      'form',
      {
        className: 'campaign-fields',
        onsubmit: (event) => {
          event.preventDefault();
          void this.save();
        },
      },
      field(t('campaign.title'), input('campaign-title', campaign.title, { required: 'true' })),
      field(
        t('campaign.subtitle'),
        input('campaign-subtitle', campaign.subtitle ?? ''),
        t('campaign.subtitleHelp'),
      ),
      h(
        'div',
        { className: 'field-row' },
        field(
          t('campaign.marker'),
          input('campaign-marker', campaign.marker, { size: '4' }),
          t('campaign.markerHelp'),
        ),
        field(
          t('campaign.theme'),
          select(
            'campaign-theme',
            themes.map((theme) => [theme, theme]),
            campaign.theme,
          ),
        ),
        field(
          t('campaign.format'),
          select(
            'campaign-format',
            formats.map((format) => [format, t(`format.${format}` as PlanTextKey)]),
            campaign.format,
          ),
        ),
        field(
          t('campaign.time'),
          input('campaign-time', campaign.time, { type: 'time', required: 'true' }),
          t('campaign.timeHelp'),
        ),
      ),
      this.hashtagField(),
      h(
        'div',
        { className: 'form-actions' },
        h('button', { type: 'submit', className: 'button primary' }, t('campaign.save')),
        h('span', { className: 'file-name', text: t('campaign.file', { file: campaign.file }) }),
      ),
    );
    this.element.replaceChildren(
      h('h2', { id: 'campaign-form-heading', text: t('campaign.heading') }),
      form,
      this.feedback,
    );
  }

  private hashtagField(): HTMLElement {
    const wrap = h('div', {
      className: 'field hashtags',
      role: 'group',
      'aria-labelledby': 'hashtags-label',
    });
    const note = h('p', { className: 'hashtag-note', id: 'hashtag-note', 'aria-live': 'polite' });
    const entry = h('input', {
      id: 'hashtag-entry',
      placeholder: t('campaign.hashtagAdd'),
      'aria-describedby': 'hashtag-help hashtag-note',
      onkeydown: (event) => {
        if (event instanceof KeyboardEvent && event.key === 'Enter') {
          event.preventDefault();
          add();
        }
      },
    });
    const add = (): void => {
      const typed = entry.value;
      if (typed.trim() === '') return;
      if (this.hashtags.length >= this.maxHashtags) {
        note.textContent = t('campaign.hashtagTooMany', { max: this.maxHashtags });
        return;
      }
      const result = hashtagOf(typed);
      if (!result.ok) {
        note.textContent = t('campaign.hashtagInvalid', { tag: typed.trim() });
        return;
      }
      if (this.hashtags.some((tag) => tag.toLowerCase() === result.tag.toLowerCase())) {
        note.textContent = t('campaign.hashtagTwice', { tag: result.tag });
        return;
      }
      this.hashtags.push(result.tag);
      this.isDirty = true;
      const changed = typed.trim().replace(/^#+/, '') !== result.tag;
      entry.value = '';
      draw();
      note.textContent = changed ? t('campaign.hashtagChanged', { tag: result.tag }) : '';
      entry.focus();
    };
    const chips = h('ul', { className: 'chips' });
    const count = h('span', { className: 'count' });
    const addButton = h(
      'button',
      { type: 'button', className: 'button', onclick: add },
      t('campaign.hashtagAddButton'),
    );
    const draw = (): void => {
      chips.replaceChildren(
        ...this.hashtags.map((tag, index) =>
          h(
            'li',
            { className: 'chip' },
            `#${tag}`,
            h(
              'button',
              {
                type: 'button',
                'aria-label': t('campaign.hashtagRemove', { tag }),
                onclick: () => {
                  this.hashtags.splice(index, 1);
                  this.isDirty = true;
                  draw();
                  entry.focus();
                },
              },
              '×',
            ),
          ),
        ),
      );
      count.textContent = t('campaign.hashtagCount', {
        count: this.hashtags.length,
        max: this.maxHashtags,
      });
      const isFull = this.hashtags.length >= this.maxHashtags;
      entry.disabled = isFull;
      addButton.disabled = isFull;
    };
    draw();
    wrap.append(
      h('span', { className: 'label', id: 'hashtags-label' }, t('campaign.hashtags'), ' ', count),
      chips,
      h(
        'div',
        { className: 'hashtag-entry' },
        h('label', {
          for: 'hashtag-entry',
          className: 'visually-hidden',
          text: t('campaign.hashtagAdd'),
        }),
        entry,
        addButton,
      ),
      h('p', { className: 'help', id: 'hashtag-help', text: t('campaign.hashtagHelp') }),
      note,
    );
    return wrap;
  }

  /** The fields as the form holds them. */
  private fields(): CampaignFields {
    const value = (id: string): string =>
      this.element.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)?.value ?? '';
    return {
      title: value('campaign-title'),
      subtitle: value('campaign-subtitle'),
      marker: value('campaign-marker'),
      theme: value('campaign-theme'),
      format: value('campaign-format') as PostFormat,
      time: value('campaign-time'),
      hashtags: [...this.hashtags],
    };
  }

  private async save(): Promise<void> {
    const campaign = this.campaign;
    if (campaign === undefined) return;
    await saveAndSay(
      this.feedback,
      () => this.actions.save(campaign.id, this.baseVersion, this.fields()),
      {
        saved: (version) => {
          this.isDirty = false;
          this.baseVersion = version;
        },
        dropped: () => (this.isDirty = false),
        reload: this.actions.reload,
      },
    );
  }
}
