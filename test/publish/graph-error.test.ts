import { describe, expect, it } from 'vitest';
import {
  classifyGraphError,
  describeTokenProblem,
  hintOfInputError,
  type GraphErrorKind,
} from '../../src/publish/graph-error.js';

describe('classifyGraphError', () => {
  const facts = (code?: number, subcode?: number, isTransient = false, status = 400) => ({
    status,
    code,
    subcode,
    isTransient,
  });

  it.each<[string, ReturnType<typeof facts>, GraphErrorKind]>([
    ['190: the token', facts(190, 463), 'token'],
    ['190 even when marked transient', facts(190, undefined, true), 'token'],
    ['9: the quota', facts(9), 'quota'],
    ['2207042: the quota', facts(4, 2207042), 'quota'],
    ['1: unknown, transient', facts(1), 'transient'],
    ['2: service, transient', facts(2), 'transient'],
    ['4: app rate limit', facts(4), 'transient'],
    ['17: user rate limit', facts(17), 'transient'],
    ['32: page rate limit', facts(32), 'transient'],
    ['613: custom rate limit', facts(613), 'transient'],
    ['80002: Instagram business use case rate limit', facts(80002), 'transient'],
    ['a 429 without a code', facts(undefined, undefined, false, 429), 'transient'],
    ['2207001: transient', facts(-1, 2207001), 'transient'],
    ['2207003: transient', facts(-1, 2207003), 'transient'],
    ['is_transient', facts(100, undefined, true), 'transient'],
    ['a 5xx without a code', facts(undefined, undefined, false, 502), 'transient'],
    ['9007: not ready', facts(9007), 'not-ready'],
    ['2207027: not ready', facts(9007, 2207027), 'not-ready'],
    ['2207020: expired', facts(100, 2207020), 'expired'],
    ['2207004: size', facts(36000, 2207004), 'input'],
    ['2207005: format', facts(36001, 2207005), 'input'],
    ['36003: aspect', facts(36003), 'input'],
    ['2207009: aspect', facts(36003, 2207009), 'input'],
    ['2207010: caption', facts(100, 2207010), 'input'],
    ['2207028: item count', facts(100, 2207028), 'input'],
    ['100: invalid parameter', facts(100), 'input'],
    ['10: permission', facts(10), 'permission'],
    ['200: permission', facts(200), 'permission'],
    ['9004: could not fetch', facts(9004, 2207052), 'other'],
    ['a 4xx without a body', facts(undefined, undefined, false, 404), 'other'],
  ])('%s', (_name, given, kind) => {
    expect(classifyGraphError(given)).toBe(kind);
  });
});

describe('what the errors say', () => {
  it('says what fixes each refused post, and something for one it does not know', () => {
    expect(hintOfInputError({ code: 36003, subcode: 2207009 })).toContain('square or portrait');
    expect(hintOfInputError({ code: 36003, subcode: undefined })).toContain('square or portrait');
    expect(hintOfInputError({ code: 100, subcode: 2207028 })).toContain('2–10 slides');
    expect(hintOfInputError({ code: 100, subcode: undefined })).toContain('excerpt check');
  });

  it.each([
    [463, 'the access token has expired'],
    [460, 'the access token was invalidated (the account’s password was changed)'],
    [undefined, 'the access token has expired or is wrong'],
  ])('token subcode %s: %s', (subcode, words) => {
    expect(describeTokenProblem(subcode)).toBe(words);
  });
});
