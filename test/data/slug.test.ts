import { describe, expect, it } from 'vitest';
import { isSlug, slugify } from '../../src/data/slug.js';

describe('slugify', () => {
  it.each([
    ['Centerpartiet', 'centerpartiet'],
    ['Vänsterpartiet', 'vansterpartiet'],
    ['Adventsfrågestund 2020', 'adventsfragestund-2020'],
    ['Drevvikenpartiet', 'drevvikenpartiet'],
    ['Sverigedemokraterna (SD)', 'sverigedemokraterna-sd'],
    ['Café Öresund', 'cafe-oresund'],
    ['Ärligt Åländskt', 'arligt-alandskt'],
    ['  --Digital   Pride!-- ', 'digital-pride'],
    ['HBTQ+ & Pride', 'hbtq-pride'],
    ['🌈', ''],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
});

describe('isSlug', () => {
  it.each([
    ['centerpartiet', true],
    ['adventsfragestund-2020', true],
    ['q1', true],
    ['', false],
    ['Centerpartiet', false],
    ['-x', false],
    ['a--b', false],
    ['vänster', false],
  ])('%s: %s', (text, expected) => {
    expect(isSlug(text)).toBe(expected);
  });
});
