import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/cli/report-error.js';
import { createStyle, shouldUseColor } from '../../src/cli/style.js';
import { DataError, InputError, UsageError } from '../../src/errors.js';

const plain = createStyle(false);

describe('formatError', () => {
  it('gives bad input its message and hint, and no stack', () => {
    const text = formatError(
      new UsageError('unknown command x', { hint: 'see excerpt --help' }),
      plain,
    );
    expect(text).toBe('error: unknown command x\nhint: see excerpt --help\n');
  });

  it('lists each issue of a DataError on its own line, with its hint below', () => {
    const error = new DataError([
      {
        code: 'schema',
        severity: 'error',
        file: 'data/a.yaml',
        path: ['qa', 2, 'question'],
        message: 'must not be empty',
        line: 9,
        column: 5,
      },
      {
        code: 'syntax',
        severity: 'error',
        file: 'data/b.yaml',
        path: [],
        message: 'Map keys must be unique',
        hint: 'remove one',
        line: 3,
        column: 7,
      },
    ]);
    expect(formatError(error, plain)).toBe(
      [
        'error: the data has 2 problems:',
        '  data/a.yaml: qa[2].question: must not be empty',
        '  data/b.yaml:3:7: Map keys must be unique',
        '    hint: remove one',
        '',
      ].join('\n'),
    );
  });

  it('calls anything else unexpected and shows its stack and cause', () => {
    const error = new TypeError('x is undefined', { cause: new Error('deeper') });
    const text = formatError(error, plain);
    expect(text).toMatch(
      /^error: unexpected error: x is undefined\nTypeError: x is undefined\n {4}at /,
    );
    expect(text).toContain('caused by: Error: deeper\n    at ');
    expect(text).toMatch(/This is a bug in excerpt\. Please report it with the text above\.\n$/);
  });

  it('colours only when asked', () => {
    const coloured = formatError(new InputError('bad'), createStyle(true));
    expect(coloured).toBe('\u001b[1m\u001b[31merror\u001b[39m\u001b[22m: bad\n');
  });
});

describe('shouldUseColor', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, false],
    [true, { CI: 'true' }, false],
  ])('TTY %s with %o: %s', (isTTY, env, expected) => {
    expect(shouldUseColor({ isTTY }, env)).toBe(expected);
  });
});
