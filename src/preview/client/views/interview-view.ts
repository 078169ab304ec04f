import type { ChoiceReply, PreviewState, StateInterview } from '../../page-protocol.js';
import { fetchChoice, unansweredProblem } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import { PostCard, type CardPost } from '../post-card.js';
import { Proofreader } from '../proofreader.js';
import type { PostQueue } from '../post-queue.js';
import { formatDate, withEmoji } from '../text.js';

const interviewKey = 'excerpt-preview-interview';

/** Ticks settle this long before the carousel is drawn again: a few ticks make one drawing. */
const choiceSettleMs = 200;

/**
 * The Interview view: tick Q&As of one interview, see the carousel they would make, and
 * download it (slides, caption, alt text) as it is drawn: PRODUCT.md's "make one carousel now".
 * The interview chosen is remembered.
 */
export class InterviewView {
  private interviewId = localStorage.getItem(interviewKey) ?? '';
  /** The Q&As ticked, in the interview's order; null: the scheduled ones (or the first two). */
  private qa: string[] | null = null;
  /** The last choice asked of the server: an older answer that comes later is dropped. */
  private asked: string | undefined;
  private readonly card: PostCard;
  private readonly proofreader: Proofreader;
  /** The chosen carousel as a zip: a link while it can be drawn, disabled while not. */
  private readonly download = h('a', {
    className: 'button download choice-download',
    // A link even while it has no address: announced as a disabled link, not as plain text.
    role: 'link',
    'aria-disabled': 'true',
    text: t.downloadChoice,
  });
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `currentState`: the state as last fetched, when the card is drawn after a pause. */
  constructor(
    private readonly element: HTMLElement,
    queue: PostQueue,
    private readonly currentState: () => PreviewState,
    onSaved: () => void = () => undefined,
  ) {
    this.proofreader = new Proofreader(onSaved);
    // The download is offered once the carousel is drawn: a choice that cannot be drawn has none.
    this.card = new PostCard(queue, (key) => this.setDownload(key));
    this.card.element.dataset.postId = 'choice';
  }

  render(state: PreviewState): void {
    // A change being typed is not swept away by a redraw: a file changed on disk meanwhile is
    // found when it is saved (both texts shown), not by losing what was typed.
    if (this.proofreader.isEditing && this.element.isConnected) return;
    const interviews = state.interviews;
    let interview = interviews.find((candidate) => candidate.id === this.interviewId);
    if (interview === undefined) {
      interview = interviews[0];
      if (interview === undefined) {
        this.element.replaceChildren(h('p', { className: 'empty', text: t.noInterviews }));
        return;
      }
      this.interviewId = interview.id;
      this.qa = null;
    }
    const shown = interview;
    const chosen = (
      this.qa ??
      shown.scheduled?.qa ??
      shown.qa.slice(0, 2).map((qa) => qa.id)
    ).filter((id) => shown.qa.some((qa) => qa.id === id));
    this.qa = chosen;

    const select = h(
      'select',
      {
        'aria-label': t.interviewLabel,
        onchange: (event) => {
          if (!(event.target instanceof HTMLSelectElement)) return;
          // A redraw keeps a change not saved (see above), so the other interview would be named
          // above this one's fields, and a save would go to this one: asked first, never mixed.
          if (this.proofreader.isEditing) {
            if (!window.confirm(t.discardUnsaved)) {
              event.target.value = shown.id;
              return;
            }
            this.proofreader.discard();
          }
          this.interviewId = event.target.value;
          this.qa = null;
          localStorage.setItem(interviewKey, this.interviewId);
          this.render(this.currentState());
        },
      },
      state.campaigns.map((campaign) =>
        h(
          'optgroup',
          { label: `${campaign.marker} ${campaign.title}` },
          interviews
            .filter((candidate) => candidate.campaign === campaign.id)
            .map((candidate) =>
              h(
                'option',
                { value: candidate.id, selected: candidate.id === shown.id },
                `${candidate.party} — ${candidate.name}`,
              ),
            ),
        ),
      ),
    );
    this.proofreader.load(shown.id);
    const list = h(
      'ol',
      { className: 'qa-list', 'aria-label': t.questionsLabel },
      shown.qa.map((qa) =>
        h(
          'li',
          null,
          h(
            'label',
            null,
            h('input', {
              type: 'checkbox',
              value: qa.id,
              checked: chosen.includes(qa.id),
              onchange: (event) => {
                if (!(event.target instanceof HTMLInputElement)) return;
                const ids = new Set(this.qa);
                if (event.target.checked) ids.add(qa.id);
                else ids.delete(qa.id);
                // The order of the interview, as the carousel tells it.
                this.qa = shown.qa.map((item) => item.id).filter((id) => ids.has(id));
                this.updateNote(shown);
                clearTimeout(this.timer);
                // loadChoice() never rejects: a server that does not answer is shown on the card.
                this.timer = setTimeout(() => void this.loadChoice(shown), choiceSettleMs);
              },
            }),
            h(
              'span',
              { className: 'question', lang: 'sv' },
              h('span', { className: 'qid', text: qa.id }),
              withEmoji(qa.question),
            ),
            h('span', { className: 'excerpt', lang: 'sv', text: qa.excerpt }),
          ),
          this.proofreader.notes(qa.id),
          this.proofreader.section(qa.id),
        ),
      ),
    );
    const note = h('p', { className: 'choice-note', id: 'choice-note' });
    this.element.replaceChildren(
      h(
        'div',
        { className: 'interview-layout' },
        h(
          'div',
          { className: 'chooser' },
          select,
          h('p', {
            className: 'person',
            text: `${shown.party} · ${shown.name}, ${shown.role} · ${shown.file}`,
          }),
          this.proofreader.campaignNotes(),
          list,
        ),
        h('div', { className: 'choice-side' }, this.card.element, note, this.download),
      ),
    );
    this.updateNote(shown);
    void this.loadChoice(shown);
  }

  /** Says whether the choice is the scheduled post, and where a post is changed. */
  private updateNote(interview: StateInterview): void {
    const note = document.getElementById('choice-note');
    if (!note) return;
    const qa = this.qa ?? [];
    const scheduled = interview.scheduled;
    this.setDownload(undefined);
    if (scheduled === undefined) {
      note.replaceChildren(t.notScheduledNote);
    } else if (scheduled.qa.join(',') === qa.join(',')) {
      const [before, after] = t.scheduledNote;
      const date = h('b', { text: t.scheduledOn(formatDate(scheduled.date)) });
      note.replaceChildren(before, date, after);
    } else {
      note.replaceChildren(t.previewOnlyNote(scheduled.qa.join(', ')));
    }
  }

  /** The download link of the carousel drawn as `key`; none while there is none to download. */
  private setDownload(key: string | undefined): void {
    if (key === undefined) {
      this.download.removeAttribute('href');
      this.download.removeAttribute('download');
      this.download.setAttribute('aria-disabled', 'true');
      return;
    }
    this.download.href = `/slides/${key}.zip`;
    this.download.download = '';
    this.download.removeAttribute('aria-disabled');
  }

  /** Draws the chosen Q&As as their campaign's post of this interview would be. */
  private async loadChoice(interview: StateInterview): Promise<void> {
    const state = this.currentState();
    const qa = this.qa ?? [];
    const campaign = state.campaigns.find((candidate) => candidate.id === interview.campaign);
    const date = interview.scheduled?.date ?? interview.publishedOn;
    const post: CardPost = {
      id: 'choice',
      party: interview.party,
      name: interview.name,
      role: interview.role,
      date,
      time: campaign?.posts[0]?.time ?? '08:00',
      qa,
      format: state.format ?? campaign?.format ?? 'square',
    };
    const query = new URLSearchParams({ interview: interview.id, qa: qa.join(',') });
    if (state.format) query.set('format', state.format);
    const asked = query.toString();
    this.asked = asked;
    const reply = await fetchChoice(query).catch((error: unknown): ChoiceReply => ({
      ok: false,
      problem: unansweredProblem(String(error)),
    }));
    if (this.asked !== asked) return;
    this.setDownload(undefined);
    this.card.update(
      reply.ok ? { ...post, key: reply.key } : { ...post, problem: reply.problem },
      this.currentState().brand,
    );
  }
}
