import { expect } from 'vitest';
import type { Issue } from '../../src/issue.js';

/** Issues without their Swedish words (`sv`): what the terminal says, for tests of it. */
export function inEnglish(issues: readonly Issue[]): Omit<Issue, 'sv'>[] {
  return issues.map((issue) => {
    const english: Omit<Issue, 'sv'> & { sv?: unknown } = { ...issue };
    delete english.sv;
    return english;
  });
}

/**
 * Asserts that every issue says itself in Swedish too, for the studio: a message, and a hint
 * exactly when it has one in English, none of them the English words.
 */
export function expectSwedish(issues: readonly Issue[]): void {
  for (const issue of issues) {
    expect(issue.sv, issue.message).toBeDefined();
    expect(issue.sv!.message, issue.message).not.toBe('');
    expect(issue.sv!.message).not.toBe(issue.message);
    expect(issue.sv!.hint === undefined, `hint of ${issue.message}`).toBe(issue.hint === undefined);
    if (issue.hint !== undefined) expect(issue.sv!.hint).not.toBe(issue.hint);
  }
}
