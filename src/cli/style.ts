/** ANSI styles for terminal output; each is the identity when colour is off. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
}

/**
 * Colour only for a person at a terminal: the stream is a TTY and neither NO_COLOR (any value,
 * https://no-color.org) nor CI is set. FORCE_COLOR is not honoured: nothing here needs it.
 */
export function shouldUseColor(
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return stream.isTTY === true && env.NO_COLOR === undefined && env.CI === undefined;
}

export function createStyle(isEnabled: boolean): Style {
  const wrap =
    (open: number, close: number) =>
    (text: string): string =>
      isEnabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
  };
}
