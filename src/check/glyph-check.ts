import { findGlyphProblems } from '../render/glyphs.js';
import type { Issue } from '../issue.js';
import type { Check } from './check.js';
import { textFields } from '../data/text-fields.js';

/**
 * Every character drawn on a slide can be drawn: each text of every interview (every Q&A, not
 * only the scheduled ones: a communicator may pick any), each campaign's title, marker and
 * subtitle, and the brand's strings, against the bundled fonts and Twemoji.
 */
export const glyphCheck: Check = {
  name: 'glyphs',
  needs: 'files',
  run(data) {
    const issues = findGlyphProblems(textFields(data)).map(
      ({ field, missing, message, hint, sv }): Issue => ({
        code: 'glyph',
        severity: 'error',
        message,
        file: field.file,
        path: field.path,
        word: missing.char,
        ...(field.qa === undefined ? {} : { qa: field.qa }),
        hint,
        sv,
      }),
    );
    return { issues };
  },
};
