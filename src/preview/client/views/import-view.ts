import type {
  EditReply,
  ImportedInterview,
  ImportPreviewReply,
  ImportRequest,
} from '../../page-protocol.js';
import { h } from '../dom.js';
import { language, t } from '../i18n/index.js';
import { problemBox } from '../problem-box.js';
import { formatDate, withEmoji } from '../text.js';
import { postWrite } from '../write-api.js';

/** The page is read again this long after the last keystroke: a paste reads at once. */
const readSettleMs = 400;

/**
 * The Import view: paste the website's text or drop a .txt file, see what was recognised
 * (campaigns, each interview with its questions and answer blocks, the lines worth a second
 * look) before anything is written, then save the new interviews: merged as `excerpt import`
 * merges, as one change the Undo button takes back.
 */
export class ImportView {
  private readonly text = h('textarea', {
    id: 'import-text',
    className: 'import-text',
    rows: 14,
    spellcheck: 'false',
    lang: 'sv',
    placeholder: t.importPlaceholder,
  });
  private readonly result = h('div', { className: 'import-result', 'aria-live': 'polite' });
  private readonly saveButton = h('button', {
    className: 'primary',
    type: 'button',
    disabled: true,
  });
  private readonly saved = h('p', { className: 'import-saved', role: 'status' });
  private source: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private asked = 0;

  constructor(
    private readonly element: HTMLElement,
    private readonly onSaved: () => void,
  ) {
    const file = h('input', {
      type: 'file',
      accept: '.txt,text/plain',
      className: 'visually-hidden',
      id: 'import-file',
      onchange: (event) => {
        const input = event.target as HTMLInputElement;
        const chosen = input.files?.[0];
        if (chosen !== undefined) void this.load(chosen);
      },
    });
    this.text.addEventListener('input', () => {
      this.source = undefined;
      this.saved.textContent = '';
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.preview(), readSettleMs);
    });
    const drop = h(
      'div',
      {
        className: 'import-input',
        ondragover: (event) => {
          event.preventDefault();
          drop.classList.add('is-dropping');
        },
        ondragleave: () => drop.classList.remove('is-dropping'),
        ondrop: (event) => {
          event.preventDefault();
          drop.classList.remove('is-dropping');
          const dropped = (event as DragEvent).dataTransfer?.files[0];
          if (dropped !== undefined) void this.load(dropped);
        },
      },
      h('h2', { text: t.importHeading }),
      h('p', { className: 'import-help', text: t.importHelp }),
      h('label', { for: 'import-text', text: t.importTextLabel }),
      this.text,
      h(
        'div',
        { className: 'import-actions' },
        h('label', { for: 'import-file', className: 'button', text: t.importChooseFile }),
        file,
        h('button', { type: 'button', onclick: () => void this.preview(), text: t.importRead }),
      ),
    );
    this.saveButton.addEventListener('click', () => void this.save());
    this.element.replaceChildren(
      h('div', { className: 'import-layout' }, drop, h('div', null, this.result, this.saved)),
    );
    this.showEmpty();
  }

  private async load(file: File): Promise<void> {
    this.text.value = await file.text();
    this.source = file.name;
    this.saved.textContent = '';
    await this.preview();
  }

  private request(): ImportRequest {
    return this.source === undefined
      ? { text: this.text.value }
      : { text: this.text.value, source: this.source };
  }

  /** Asks the server what the page is read as; nothing is written. */
  async preview(): Promise<void> {
    clearTimeout(this.timer);
    if (this.text.value.trim() === '') {
      this.showEmpty();
      return;
    }
    const asked = ++this.asked;
    try {
      const { reply } = await postWrite<ImportPreviewReply>('/api/import/preview', this.request());
      if (asked === this.asked) this.show(reply);
    } catch {
      if (asked === this.asked)
        this.result.replaceChildren(h('p', { text: t.serverDoesNotAnswer }));
    }
  }

  private async save(): Promise<void> {
    this.saveButton.disabled = true;
    try {
      const { reply } = await postWrite<EditReply>('/api/import/save', this.request());
      if (reply.ok) {
        const count = Object.keys(reply.versions).length;
        this.saved.textContent = t.importSaved(count);
        this.onSaved();
      } else if (reply.reason === 'invalid' || reply.reason === 'failed') {
        this.saved.replaceChildren(problemBox(reply.problem));
      } else if (reply.reason === 'conflict') {
        this.saved.textContent = t.importConflict;
      } else this.saved.textContent = 'message' in reply ? reply.message : '';
    } catch {
      this.saved.textContent = t.serverDoesNotAnswer;
    }
    await this.preview();
  }

  private showEmpty(): void {
    this.saveButton.disabled = true;
    this.result.replaceChildren(h('p', { className: 'empty', text: t.importNothingYet }));
  }

  private show(reply: ImportPreviewReply): void {
    if (!reply.ok) {
      this.saveButton.disabled = true;
      this.result.replaceChildren(
        'problem' in reply ? problemBox(reply.problem) : h('p', { text: reply.message }),
      );
      return;
    }
    const count = (status: ImportedInterview['status']): number =>
      reply.interviews.filter((interview) => interview.status === status).length;
    const added = count('new');
    this.saveButton.textContent = t.importSave(added);
    this.saveButton.disabled = added === 0;
    this.result.replaceChildren(
      h(
        'div',
        null,
        h(
          'p',
          { className: 'import-summary' },
          t.importSummary(
            reply.campaigns.length,
            reply.interviews.length,
            added,
            count('same'),
            count('differs'),
          ),
        ),
        reply.flags.length === 0
          ? null
          : h(
              'section',
              { className: 'import-flags', 'aria-label': t.importFlagsHeading },
              h('h3', { text: t.importFlagsHeading }),
              h(
                'ul',
                null,
                reply.flags.map((flag) =>
                  h(
                    'li',
                    { 'data-kind': flag.kind },
                    h('span', { className: 'line-number', text: t.importLine(flag.line) }),
                    h('q', { lang: 'sv', text: flag.text }),
                    h('span', { className: 'why', text: t.importFlag[flag.kind] }),
                  ),
                ),
              ),
            ),
        reply.campaigns.map((campaign) =>
          h(
            'section',
            { className: 'import-campaign', 'data-campaign': campaign.id },
            h(
              'h3',
              null,
              withEmoji(`${campaign.marker} ${campaign.title}`),
              campaign.isNew
                ? h('span', { className: 'badge-new', text: t.importNewCampaign })
                : null,
            ),
            reply.interviews
              .filter((interview) => interview.campaign === campaign.id)
              .map((interview) => this.interviewCard(interview)),
          ),
        ),
        h('div', { className: 'import-save' }, this.saveButton),
      ),
    );
  }

  private interviewCard(interview: ImportedInterview): HTMLElement {
    return h(
      'article',
      { className: 'import-interview', 'data-status': interview.status, 'data-id': interview.id },
      h(
        'header',
        null,
        h('b', { text: interview.party }),
        ` · ${interview.name}, ${interview.role} · ${formatDate(interview.date)}`,
        h('span', { className: 'status', text: t.importStatus[interview.status] }),
      ),
      h(
        'ol',
        { className: 'import-questions' },
        interview.questions.map((qa) =>
          h(
            'li',
            null,
            h('span', { className: 'qid', text: qa.id }),
            h('span', { lang: 'sv' }, withEmoji(qa.question)),
            h('span', { className: 'blocks', text: t.importBlocks(qa.blocks) }),
          ),
        ),
      ),
      interview.differences.length === 0
        ? null
        : h(
            'div',
            { className: 'import-differences' },
            h('p', { text: t.importDiffersNote }),
            h(
              'ul',
              null,
              interview.differences.map((difference) =>
                h(
                  'li',
                  null,
                  // In words on the Swedish page; the data's own path for those who read it.
                  language === 'sv'
                    ? h('b', { title: difference.where, text: `${difference.whereSv}:` })
                    : h('code', { text: difference.where }),
                  ' ',
                  t.importData,
                  ' ',
                  h('q', { lang: 'sv', className: 'data', text: difference.data ?? '–' }),
                  ' · ',
                  t.importPage,
                  ' ',
                  h('q', { lang: 'sv', className: 'page', text: difference.page ?? '–' }),
                ),
              ),
            ),
          ),
    );
  }
}
