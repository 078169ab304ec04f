import { describe, expect, it } from 'vitest';
import { editDistance, findClosest } from '../../src/data/closest.js';

describe('editDistance', () => {
  it.each([
    ['pride', 'pride', 0],
    ['pirde', 'pride', 1],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['centerpartit', 'centerpartiet', 1],
    ['flaw', 'lawn', 2],
  ])('%s → %s: %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('findClosest', () => {
  const parties = ['centerpartiet', 'liberalerna', 'moderaterna', 'vansterpartiet'];

  it.each([
    ['centerpartit', 'centerpartiet'],
    ['Liberalerna', 'liberalerna'],
    ['moderatena', 'moderaterna'],
    ['vanstrepartiet', 'vansterpartiet'],
  ])('finds %s → %s', (word, expected) => {
    expect(findClosest(word, parties)).toBe(expected);
  });

  it.each([['socialdemokraterna'], ['kd'], ['']])('finds nothing near %s', (word) => {
    expect(findClosest(word, parties)).toBeUndefined();
  });

  it('prefers the nearest of several', () => {
    expect(findClosest('pridee', ['pride', 'prided', 'bride'])).toBe('pride');
  });
});
