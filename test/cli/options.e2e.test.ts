import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeWorkspace, removeWorkspaces, runExcerpt } from '../helpers/cli.js';

afterAll(removeWorkspaces);

/**
 * Every command's options go through one parser: a bad value exits 2 with one line naming the
 * option, the value given and what is allowed, then the command's help hint. No stack, no zod.
 */
const cases: [args: string[], message: string][] = [
  [['list', '--data', ''], '--data: "" is empty; give a folder'],
  [['check', '--out', ' '], '--out: " " is empty; give a folder'],
  [['import', 'page.txt', '--data', ''], '--data: "" is empty; give a folder'],
  [
    ['render', 'x', '--format', 'big'],
    '--format: "big" is not a format; use square, portrait or story',
  ],
  [['render', 'x', '--image', 'gif'], '--image: "gif" is not an image type; use jpeg or png'],
  [['render', 'x', '--theme', ''], '--theme: "" is empty; give the name of a theme in brand.yaml'],
  [['build', '--jobs', 'abc'], '--jobs: "abc" is not a number; give a whole number from 1 to 32'],
  [['build', '--jobs', ''], '--jobs: "" is not a number; give a whole number from 1 to 32'],
  [
    ['build', '--jobs', '2.5'],
    '--jobs: "2.5" is not a whole number; give a whole number from 1 to 32',
  ],
  [['build', '--jobs', '0'], '--jobs: "0" is too small; give a whole number from 1 to 32'],
  [['build', '--jobs', '99'], '--jobs: "99" is too large; give a whole number from 1 to 32'],
  [
    ['build', '--only', '2022-13-45'],
    '--only: "2022-13-45" is not a date in the calendar; give a date written YYYY-MM-DD, e.g. 2020-12-16',
  ],
  [
    ['build', '--only', '5/9/2022'],
    '--only: "5/9/2022" is not written YYYY-MM-DD; give a date written YYYY-MM-DD, e.g. 2020-12-16',
  ],
  [
    ['build', '--format', 'Square'],
    '--format: "Square" is not a format; use square, portrait or story',
  ],
  [
    ['studio', '--port', 'abc'],
    '--port: "abc" is not a number; give a whole number from 0 to 65535 (0: any free port)',
  ],
  [
    ['studio', '--port', '70000'],
    '--port: "70000" is too large; give a whole number from 0 to 65535 (0: any free port)',
  ],
  [['studio', '--host', ''], '--host: "" is empty; give an address, e.g. 127.0.0.1'],
  [['studio', '--image', 'webp'], '--image: "webp" is not an image type; use jpeg or png'],
  // A value is shown escaped, whatever it holds.
  [
    ['build', '--only', '\u001b]0;x\u0007'],
    '--only: "\\u001b]0;x\\u0007" is not written YYYY-MM-DD; give a date written YYYY-MM-DD, e.g. 2020-12-16',
  ],
];

describe('bad option values', () => {
  it.concurrent.each(cases)('excerpt %j', async (args, message) => {
    const cwd = makeWorkspace('options');
    const result = await runExcerpt(args, cwd);
    const command = args[0]!;
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${message}\nhint: see excerpt ${command} --help\n`,
    });
    expect(readdirSync(cwd)).toEqual([]); // nothing written, not even an out/ folder
  });

  it('names every bad option of a command, each once', async () => {
    const result = await runExcerpt(
      ['build', '--jobs', 'x', '--only', '2020-02-30', '--image', 'gif'],
      makeWorkspace('options'),
    );
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: --only: "2020-02-30" is not a date in the calendar; give a date written YYYY-MM-DD, e.g. 2020-12-16; ' +
        '--jobs: "x" is not a number; give a whole number from 1 to 32; ' +
        '--image: "gif" is not an image type; use jpeg or png\nhint: see excerpt build --help\n',
    });
  });

  it('lists the allowed values in the help, and the defaults', async () => {
    const result = await runExcerpt(['build', '--help'], makeWorkspace('options'));
    const help = result.stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--format <format> slide format: square, portrait or story');
    expect(help).toContain(
      '--image <type> image type of the slides: jpeg or png (default: "jpeg")',
    );
    expect(help).toContain('--jobs <n> slides drawn at once, 1 to 32');
  });
});
