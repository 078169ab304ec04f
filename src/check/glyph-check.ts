import { findMissingGlyphs } from '../render/glyphs.js';
import type { Issue } from '../issue.js';
import type { Check } from './check.js';
import { textFields } from './text-fields.js';

/**
 * Every character drawn on a slide can be drawn: each text of every interview (every Q&A, not
 * only the scheduled ones: a communicator may pick any), each campaign's title, marker and
 * subtitle, and the brand's strings, against the bundled fonts and Twemoji.
 */
export const glyphCheck: Check = {
  name: 'glyphs',
  needs: 'files',
  run(data) {
    const issues = textFields(data)
      .filter((field) => field.isDrawn)
      .flatMap((field) =>
        findMissingGlyphs(field.text).map((missing): Issue => ({
          code: 'glyph',
          severity: 'error',
          message: `cannot draw ”${missing.char}” (${missing.codePoints}): no bundled font has it and Twemoji has no image for it`,
          file: field.file,
          path: field.path,
          word: missing.char,
          ...(field.qa === undefined ? {} : { qa: field.qa }),
          hint: 'replace or remove the character; nothing is ever drawn as a blank box',
        })),
      );
    return { issues };
  },
};
