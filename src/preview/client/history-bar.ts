import type { EditReply, HistoryReply } from '../page-protocol.js';
import { problemWords, t } from './i18n/index.js';
import { afterWrite, fetchHistory, undoOrRedo } from './write-api.js';

/**
 * The Undo and Redo buttons of the bar: every save the studio made can be taken back (and made
 * again), whichever view made it; each button says what it would undo or redo. Ctrl+Z and
 * Ctrl+Shift+Z (Ctrl+Y) do the same outside a text field, where they belong to the field.
 */
export class HistoryBar {
  constructor(
    private readonly undoButton: HTMLButtonElement,
    private readonly redoButton: HTMLButtonElement,
    private readonly status: HTMLElement,
    private readonly onChange: () => void,
  ) {
    undoButton.addEventListener('click', () => void this.run('undo'));
    redoButton.addEventListener('click', () => void this.run('redo'));
    afterWrite.add((history) => this.show(history));
    addEventListener('keydown', (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) void this.run('undo');
      else if (key === 'y' || (key === 'z' && event.shiftKey)) void this.run('redo');
      else return;
      event.preventDefault();
    });
    this.show({ undo: null, redo: null });
  }

  /** Asks the server what can be undone now (at start, and after a change on disk). */
  async refresh(): Promise<void> {
    try {
      this.show(await fetchHistory());
    } catch {
      // The bar stays as it was; the live mark says the server does not answer.
    }
  }

  private async run(which: 'undo' | 'redo'): Promise<void> {
    const button = which === 'undo' ? this.undoButton : this.redoButton;
    if (button.disabled) return;
    button.disabled = true;
    try {
      const { reply } = await undoOrRedo(which);
      this.say(reply, which);
      if (!reply.ok) await this.refresh();
      this.onChange();
    } catch {
      this.status.textContent = t.serverDoesNotAnswer;
      await this.refresh();
    }
  }

  private say(reply: EditReply, which: 'undo' | 'redo'): void {
    if (reply.ok) {
      const label = reply.change?.label ?? '';
      this.status.textContent = which === 'undo' ? t.undone(label) : t.redone(label);
    } else if (reply.reason === 'conflict') {
      this.status.textContent = t.undoConflict(
        reply.conflicts.map((conflict) => conflict.file).join(', '),
      );
    } else if (reply.reason === 'invalid')
      this.status.textContent = t.problemTitle(reply.problem.title);
    else if (reply.reason === 'failed') {
      // What failed (a full disk, say), not "nothing to undo": the change is still there.
      const [first] = reply.problem.entries;
      const said = first === undefined ? '' : `: ${problemWords(first).message}`;
      this.status.textContent = `${t.problemTitle(reply.problem.title)}${said}`;
    } else this.status.textContent = which === 'undo' ? t.nothingToUndo : t.nothingToRedo;
  }

  private show(history: HistoryReply): void {
    this.undoButton.disabled = history.undo === null;
    this.redoButton.disabled = history.redo === null;
    this.undoButton.title =
      history.undo === null ? t.nothingToUndo : t.undoTitle(history.undo.label);
    this.redoButton.title =
      history.redo === null ? t.nothingToRedo : t.redoTitle(history.redo.label);
  }
}
