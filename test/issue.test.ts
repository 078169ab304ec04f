import { describe, expect, it } from 'vitest';
import { describeProblemCount, formatIssue, formatLocated, formatPath } from '../src/issue.js';
import type { Issue } from '../src/issue.js';

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['qa', 2, 'question'], 'qa[2].question'],
    [['posts', 0, 'qa', 1], 'posts[0].qa[1]'],
    [['interviewee', 'role'], 'interviewee.role'],
    [['themes', 'my theme', 'light'], 'themes["my theme"].light'],
    [['themes', '2020'], 'themes["2020"]'],
    [['sv-åäö_1'], 'sv-åäö_1'],
  ])('%j is %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('formatLocated', () => {
  it.each([
    [{ message: 'm' }, 'm'],
    [{ file: 'a.yaml', message: 'm' }, 'a.yaml: m'],
    [{ file: 'a.yaml', line: 3, message: 'm' }, 'a.yaml:3: m'],
    [
      { file: 'a.yaml', line: 3, column: 14, where: 'qa[0]', message: 'm' },
      'a.yaml:3:14: qa[0]: m',
    ],
    // A position without a file says nothing on its own.
    [{ line: 3, column: 14, where: 'qa[0]', message: 'm' }, 'qa[0]: m'],
  ])('%j is %s', (located, text) => {
    expect(formatLocated(located)).toBe(text);
  });
});

describe('formatIssue', () => {
  const issue = (fields: Partial<Issue>): Issue => ({
    code: 'schema',
    severity: 'error',
    file: 'data/x.yaml',
    path: [],
    message: 'm',
    ...fields,
  });

  it('names a field by its path alone: the position is for an editor, the path for a reader', () => {
    expect(formatIssue(issue({ path: ['qa', 2, 'question'], line: 9, column: 5 }))).toBe(
      'data/x.yaml: qa[2].question: m',
    );
  });

  it('gives the position of a problem no field names', () => {
    expect(formatIssue(issue({ line: 1, column: 4 }))).toBe('data/x.yaml:1:4: m');
    expect(formatIssue(issue({ line: 7 }))).toBe('data/x.yaml:7:1: m');
    expect(formatIssue(issue({}))).toBe('data/x.yaml: m');
  });

  it('gives a syntax problem both: a stray character is on a line, in a field', () => {
    expect(
      formatIssue(issue({ code: 'syntax', path: ['qa', 0, 'answer', 2], line: 3, column: 14 })),
    ).toBe('data/x.yaml:3:14: qa[0].answer[2]: m');
  });
});

describe('describeProblemCount', () => {
  it.each([
    [1, 'The data has a problem'],
    [2, 'The data has 2 problems'],
  ])('%i: %s', (count, text) => {
    expect(describeProblemCount(count)).toBe(text);
  });
});
