import type { PlanSaveReply, Problem } from '../../page-protocol.js';
import { h } from '../dom.js';
import { problemBox } from '../problem-box.js';
import { t } from './plan-text.js';

/**
 * What the page says after a save that wrote nothing: the data would not load (every problem,
 * with its file and field), the studio refused, or the file changed on disk since the page read
 * it: then both are shown, the file as it is now and the change, and nothing is overwritten.
 */
export function saveFeedback(
  reply: Exclude<PlanSaveReply, { ok: true }>,
  onReload: () => void,
): HTMLElement {
  switch (reply.reason) {
    case 'invalid':
      return problemBox({ ...reply.problem, title: t('save.invalid') });
    case 'refused':
    case 'failed':
      return problemBox({ ...reply.problem, title: t('save.refused') });
    case 'exists':
      return problemBox({
        title: t('save.refused'),
        entries: [{ message: t('campaign.exists', { id: reply.id, file: reply.file }) }],
      });
    case 'conflict':
      return h(
        'div',
        { className: 'conflict-box', role: 'alert' },
        h('p', { className: 'conflict-title', text: t('save.conflict') }),
        h('p', { text: t('save.conflictHelp', { file: reply.file }) }),
        h(
          'div',
          { className: 'conflict-sides' },
          h(
            'figure',
            null,
            h('figcaption', { text: t('save.conflictCurrent') }),
            h('pre', { className: 'conflict-current', tabindex: '0', text: reply.current }),
          ),
          h(
            'figure',
            null,
            h('figcaption', { text: t('save.conflictYours') }),
            h('pre', { className: 'conflict-yours', tabindex: '0', text: reply.yours }),
          ),
        ),
        h('button', { type: 'button', className: 'button', onclick: onReload }, t('save.reload')),
      );
  }
}

/** The forms whose save is under way (by their feedback element). */
const saving = new WeakSet<HTMLElement>();

/**
 * A form's save, said in `feedback` as it goes: saving, saved (`saved` told the file's new
 * version), or why nothing was written. Reloading after a conflict drops the form's changes
 * (`dropped`), as the person chose. A second save while one is under way (a double click) is
 * let go: sent with the version the first replaces, it would come back as a conflict with
 * the person's own save.
 */
export async function saveAndSay(
  feedback: HTMLElement,
  save: () => Promise<PlanSaveReply>,
  on: { saved: (version: string) => void; dropped: () => void; reload: () => void },
): Promise<void> {
  if (saving.has(feedback)) return;
  saving.add(feedback);
  feedback.replaceChildren(h('p', { className: 'saving', text: t('save.saving') }));
  let reply: PlanSaveReply;
  try {
    reply = await save();
  } catch (error) {
    feedback.replaceChildren(unanswered(error));
    return;
  } finally {
    saving.delete(feedback);
  }
  if (reply.ok) {
    on.saved(reply.version);
    feedback.replaceChildren(
      h('p', { className: 'saved', text: t('campaign.saved', { file: reply.file }) }),
    );
    on.reload();
    return;
  }
  feedback.replaceChildren(
    saveFeedback(reply, () => {
      on.dropped();
      feedback.replaceChildren();
      on.reload();
    }),
  );
}

/** A request the server did not answer, as a problem box. */
export function unanswered(error: unknown): HTMLElement {
  const problem: Problem = {
    title: t('save.refused'),
    entries: [{ message: t('noAnswer'), hint: String(error) }],
  };
  return problemBox(problem);
}
