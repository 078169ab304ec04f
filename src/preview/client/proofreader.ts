import type {
  EditReply,
  FieldPathJson,
  PlacedFinding,
  ProofreadReply,
  SpellingFinding,
} from '../page-protocol.js';
import { h } from './dom.js';
import { problemWords, t } from './i18n/index.js';
import { problemBox } from './problem-box.js';
import { formatDate } from './text.js';
import { postWrite } from './write-api.js';

const samePath = (a: FieldPathJson, b: FieldPathJson): boolean =>
  a.length === b.length && a.every((part, index) => part === b[index]);

/**
 * Proofreading in place, in the Interview view: under each Q&A, its question and answer as the
 * data holds them, each field with `check`'s spelling findings marked at the word (suggestions
 * to click, "add to the word list"), editable there and saved through the write API. A file
 * changed on disk meanwhile is shown beside the change, never overwritten.
 */
export class Proofreader {
  private reply: Promise<ProofreadReply | undefined> = Promise.resolve(undefined);
  private readonly openQa = new Set<string>();
  /** Fields with changes not saved: the view is not redrawn under them. */
  private readonly dirty = new Set<string>();

  constructor(private readonly onSaved: () => void) {}

  /** Whether a field holds a change not saved yet (a redraw would lose it). */
  get isEditing(): boolean {
    return this.dirty.size > 0;
  }

  /** Forgets the changes not saved: the person chose to leave them. */
  discard(): void {
    this.dirty.clear();
  }

  /** Reads an interview's text and findings anew: each render of the view calls it once. */
  load(interview: string): void {
    this.reply = fetch(`/api/proofread?interview=${encodeURIComponent(interview)}`)
      .then((response) => (response.ok ? (response.json() as Promise<ProofreadReply>) : undefined))
      .catch(() => undefined);
  }

  /** The proofreading of one Q&A, folded until opened (and kept open across redraws). */
  section(qaId: string): HTMLDetailsElement {
    const summary = h('summary', { text: t.proofread });
    const body = h('div', { className: 'proofread-body' });
    const details = h(
      'details',
      { className: 'proofread', open: this.openQa.has(qaId), 'data-qa': qaId },
      summary,
      body,
    );
    details.addEventListener('toggle', () => {
      if (details.open) this.openQa.add(qaId);
      else this.openQa.delete(qaId);
    });
    void this.reply.then((reply) => {
      const index = reply?.qa.findIndex((qa) => qa.id === qaId) ?? -1;
      const qa = reply?.qa[index];
      if (reply === undefined || qa === undefined) return;
      const findings = reply.spelling.filter((finding) => finding.path[1] === index);
      const glyphs = reply.findings.filter((finding) => finding.path?.[1] === index);
      if (findings.length > 0) {
        summary.append(
          ' ',
          h('span', { className: 'finding-count', text: t.wordsToCheck(findings.length) }),
        );
      }
      if (glyphs.length > 0) {
        summary.append(
          ' ',
          h('span', { className: 'finding-count error', text: t.findingsToCheck(glyphs.length) }),
        );
      }
      const fields: [FieldPathJson, string, string][] = [
        [['qa', index, 'question'], t.questionField, qa.question],
      ];
      qa.answer.forEach((block, blockIndex) => {
        if (typeof block === 'string') {
          fields.push([
            ['qa', index, 'answer', blockIndex],
            t.paragraphField(blockIndex + 1),
            block,
          ]);
        } else {
          block.list.forEach((item, itemIndex) =>
            fields.push([
              ['qa', index, 'answer', blockIndex, 'list', itemIndex],
              t.listItemField(blockIndex + 1, itemIndex + 1),
              item,
            ]),
          );
        }
      });
      body.replaceChildren(
        ...fields.map(([path, label, value]) =>
          this.field(
            reply,
            path,
            label,
            value,
            findings.filter((finding) => samePath(finding.path, path)),
            glyphs.filter((finding) => finding.path !== undefined && samePath(finding.path, path)),
          ),
        ),
      );
    });
    return details;
  }

  private field(
    reply: ProofreadReply,
    path: FieldPathJson,
    label: string,
    value: string,
    findings: SpellingFinding[],
    glyphs: PlacedFinding[] = [],
  ): HTMLElement {
    const id = `proofread-${path.join('-')}`;
    const text = h('textarea', {
      id,
      lang: 'sv',
      rows: Math.min(8, Math.ceil(value.length / 70) + 1),
    });
    text.value = value;
    const save = h('button', { type: 'button', disabled: true, text: t.saveFix });
    const status = h('div', { className: 'proofread-status', role: 'status' });
    text.addEventListener('input', () => {
      save.disabled = text.value === value;
      if (text.value === value) this.dirty.delete(id);
      else this.dirty.add(id);
    });
    const saveNow = async (): Promise<void> => {
      save.disabled = true;
      try {
        const { reply: answer } = await postWrite<EditReply>('/api/edit', {
          file: reply.file,
          baseVersion: reply.version,
          operations: [{ op: 'set', path, value: text.value }],
          label: t.fixLabel(
            String(path[1] === undefined ? '' : (reply.qa[Number(path[1])]?.id ?? '')),
            label,
          ),
        });
        this.show(status, answer, id);
        if (answer.ok) {
          // The page's own save is not a change on disk for the next field's: each field of
          // this interview saves over the version this one wrote.
          const written = answer.versions[reply.file];
          if (typeof written === 'string') reply.version = written;
          this.dirty.delete(id);
          this.onSaved();
        } else save.disabled = false;
      } catch {
        status.textContent = t.serverDoesNotAnswer;
        save.disabled = false;
      }
    };
    save.addEventListener('click', () => void saveNow());
    const flagged = [
      ...findings.map((finding) => finding.word),
      ...glyphs.map((finding) => finding.word ?? ''),
    ].filter((word) => word !== '');
    const marked =
      flagged.length === 0
        ? null
        : h('p', { className: 'marked', lang: 'sv' }, markWords(value, flagged));
    return h(
      'div',
      { className: 'proofread-field', 'data-path': path.join('.') },
      h('label', { for: id, text: label }),
      marked,
      text,
      glyphs.length === 0
        ? null
        : h(
            'ul',
            { className: 'findings glyphs' },
            glyphs.map((finding) =>
              h(
                'li',
                { 'data-code': finding.code },
                h('mark', { text: finding.word ?? '' }),
                ' ',
                t.glyphFinding(finding.word ?? '', finding.codePoint ?? ''),
              ),
            ),
          ),
      findings.length === 0
        ? null
        : h(
            'ul',
            { className: 'findings' },
            findings.map((finding) =>
              h(
                'li',
                null,
                h('mark', { text: finding.word }),
                ' ',
                finding.suggestions.length === 0 ? t.noSuggestion : t.didYouMean,
                ' ',
                finding.suggestions.map((suggestion) =>
                  h('button', {
                    type: 'button',
                    className: 'suggestion',
                    text: suggestion,
                    'aria-label': t.replaceWith(finding.word, suggestion),
                    onclick: () => {
                      text.value = replaceWord(text.value, finding.word, suggestion);
                      void saveNow();
                    },
                  }),
                ),
                ' ',
                h('button', {
                  type: 'button',
                  className: 'add-word',
                  text: t.addToWordList,
                  'aria-label': t.addWordLabel(finding.word),
                  onclick: () => void this.addWord(finding.word, status),
                }),
              ),
            ),
          ),
      h('div', { className: 'proofread-actions' }, save, status),
    );
  }

  /**
   * What `check` says about a Q&A where it stands in the list: how many slides it takes in each
   * of the interview's scheduled posts, and the fit, limit and fairness findings of those posts.
   */
  notes(qaId: string): HTMLElement {
    const element = h('div', { className: 'qa-findings', 'data-qa': qaId });
    void this.reply.then((reply) => {
      if (reply === undefined) return;
      const slides = reply.posts.flatMap((post) =>
        post.perQa
          .filter((qa) => qa.id === qaId)
          .map((qa) =>
            h('p', {
              className: 'qa-slides',
              text: t.qaSlides(formatDate(post.date), qa.slides, post.slides),
            }),
          ),
      );
      const findings = reply.findings.filter((finding) => finding.qa?.includes(qaId) === true);
      element.replaceChildren(...slides, findings.length === 0 ? '' : findingList(findings));
    });
    return element;
  }

  /** What `check` says about the interview's campaign, its file and the theme it is drawn in. */
  campaignNotes(): HTMLElement {
    const element = h('section', { className: 'campaign-findings', hidden: true });
    void this.reply.then((reply) => {
      const findings = (reply?.findings ?? []).filter(
        (finding) => finding.path === undefined && finding.qa === undefined,
      );
      if (findings.length === 0) return;
      element.hidden = false;
      element.replaceChildren(h('h3', { text: t.campaignFindings }), findingList(findings));
    });
    return element;
  }

  private async addWord(word: string, status: HTMLElement): Promise<void> {
    try {
      const { reply } = await postWrite<EditReply>('/api/words', { word });
      this.show(status, reply, '');
      if (reply.ok) this.onSaved();
    } catch {
      status.textContent = t.serverDoesNotAnswer;
    }
  }

  /** What a write came to, in the field's status: saved, or both texts of a conflict. */
  private show(status: HTMLElement, reply: EditReply, field: string): void {
    if (reply.ok) {
      status.textContent = t.fixSaved;
      return;
    }
    if (reply.reason === 'conflict') {
      const [conflict] = reply.conflicts;
      if (conflict !== undefined && conflict.current === null) {
        // Nothing to set beside the change: the file was deleted or moved while the page had it.
        status.replaceChildren(
          h(
            'div',
            { className: 'conflict', role: 'alert' },
            h('p', { text: t.fileGone(conflict.file) }),
          ),
        );
        return;
      }
      status.replaceChildren(
        h(
          'div',
          { className: 'conflict', role: 'alert' },
          h('p', { text: t.conflictNote(conflict?.file ?? '') }),
          h(
            'div',
            { className: 'conflict-texts' },
            h(
              'div',
              null,
              h('h4', { text: t.onDisk }),
              h('pre', { text: conflict?.current ?? '' }),
            ),
            h(
              'div',
              null,
              h('h4', { text: t.yourChange }),
              h('pre', { text: conflict?.yours ?? '' }),
            ),
          ),
          h('button', {
            type: 'button',
            text: t.takeDisk,
            onclick: () => {
              this.dirty.delete(field);
              this.onSaved();
            },
          }),
        ),
      );
    } else if (reply.reason === 'invalid' || reply.reason === 'failed') {
      status.replaceChildren(problemBox(reply.problem));
    } else status.textContent = 'message' in reply ? reply.message : '';
  }
}

/** check's findings as a list: what kind each is in the page's language, then check's words. */
function findingList(findings: readonly PlacedFinding[]): HTMLElement {
  return h(
    'ul',
    { className: 'check-findings' },
    findings.map((finding) =>
      h(
        'li',
        { className: finding.severity, 'data-code': finding.code },
        h('strong', {
          text: `${t.findingKind[finding.code]}${finding.theme === undefined ? '' : ` (${t.contrastOfTheme(finding.theme)})`}: `,
        }),
        ...findingWords(finding),
      ),
    ),
  );
}

/** A finding's message and hint: in the page's language when check has the words, else its English. */
function findingWords(finding: PlacedFinding): (HTMLSpanElement | string)[] {
  const { message, hint, lang } = problemWords(finding);
  return [
    h('span', { lang, text: message }),
    hint === undefined ? '' : h('span', { className: 'hint', lang, text: ` — ${hint}` }),
  ];
}

/** The text with each flagged word (or character) marked, as `check` names them. */
function markWords(text: string, flagged: readonly string[]): (string | HTMLElement)[] {
  const words = [...new Set(flagged)];
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(${words.map(escape).join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  return text
    .split(pattern)
    .map((part, index) => (index % 2 === 1 ? h('mark', { text: part }) : part));
}

/** The first whole `word` in `text` replaced by `replacement`. */
function replaceWord(text: string, word: string, replacement: string): string {
  return text.replace(
    new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, 'u'),
    replacement,
  );
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
