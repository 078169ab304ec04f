import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../src/cli/commands/studio.js';
import { createStyle } from '../../src/cli/style.js';
import { escapeControls, escapeDeep, stringifyJson } from '../../src/cli/terminal-text.js';

describe('escapeControls', () => {
  it.each([
    ['plain text, å ä ö ” – …', 'plain text, å ä ö ” – …'],
    ['two\nlines', 'two\nlines'],
    ['\u001b]0;title\u0007', '\\u001b]0;title\\u0007'],
    ['over\rwrite', 'over\\u000dwrite'],
    ['tab\there', 'tab\\u0009here'],
    ['nul\u0000', 'nul\\u0000'],
    ['del\u007f', 'del\\u007f'],
    ['csi\u009b2J', 'csi\\u009b2J'],
    ['\u202eabc\u202c', '\\u202eabc\\u202c'],
    ['\u2066isolate\u2069 \u200f\u061c', '\\u2066isolate\\u2069 \\u200f\\u061c'],
    // Joiners and the no-break space are text, drawn on slides: kept.
    ['🏳️‍🌈 a\u00a0b', '🏳️‍🌈 a\u00a0b'],
  ])('%j → %j', (text, shown) => {
    expect(escapeControls(text)).toBe(shown);
  });
});

describe('escapeDeep', () => {
  it('escapes every string in arrays and plain objects, and leaves the rest', () => {
    const fn = (): number => 1;
    const value = { a: '\u001b', b: ['x\u0007', { c: '\u009b' }], n: 2, f: fn, d: null };
    expect(escapeDeep(value)).toEqual({
      a: '\\u001b',
      b: ['x\\u0007', { c: '\\u009b' }],
      n: 2,
      f: fn,
      d: null,
    });
    expect(value.a).toBe('\u001b'); // a copy: the value itself is untouched
  });
});

describe('stringifyJson', () => {
  it('is the same JSON value, with no raw control or bidi character', () => {
    const value = { party: 'C\u001b]0;x\u0007\u009b\u202e\u007f', n: [1, 'å'] };
    const json = stringifyJson(value);
    expect(JSON.parse(json)).toEqual(value);
    // eslint-disable-next-line no-control-regex -- what must not be printed
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(json).toContain('"party": "C\\u001b]0;x\\u0007\\u009b\\u202e\\u007f"');
  });
});

describe('the preview’s log lines', () => {
  it('show a post, a warning and a template problem with their control characters escaped', () => {
    const plain = createStyle(false);
    expect(
      describeEvent({ type: 'rendered', post: 'a/\u001b[2Jb', slides: 3, ms: 1200 }, plain),
    ).toMatch(/ drew a\/\\u001b\[2Jb \(3 slides\) in 1\.20 s\n$/);
    expect(describeEvent({ type: 'warning', message: 'x\u0007\u009b' }, plain)).toMatch(
      / x\\u0007\\u009b\n$/,
    );
    const problem = describeEvent(
      {
        type: 'templates',
        status: 'failed',
        problem: {
          title: 'the templates \u001b]0;x\u0007 fail',
          entries: [{ file: 'templates/\u001b.tsx', line: 3, message: 'm\u202e' }],
        },
      },
      plain,
    );
    expect(problem).toMatch(
      / the templates \\u001b\]0;x\\u0007 fail: templates\/\\u001b\.tsx:3: m\\u202e\n$/,
    );
  });
});
