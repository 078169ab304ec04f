import { describe, expect, it } from 'vitest';
import { createTextHeights } from '../../src/render/answer-fit.js';
import { createWidthMeasurer } from '../../src/render/measure.js';
import { RecentMap } from '../../src/render/recent-map.js';
import { templates } from '../../templates/index.js';

describe('RecentMap', () => {
  it('forgets the least recently used beyond its capacity', () => {
    const map = new RecentMap<number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1); // a is now more recent than b
    map.set('c', 3);
    expect(map.size).toBe(2);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe(1);
    expect(map.get('c')).toBe(3);
    map.set('a', 4); // setting again replaces, and stays within the capacity
    expect(map.size).toBe(2);
    expect(map.get('a')).toBe(4);
  });

  it('refuses a capacity that holds nothing', () => {
    expect(() => new RecentMap(0)).toThrow(/at least one/);
  });
});

describe('the measurement caches, bounded', () => {
  const texts = [
    'Vi arbetar förebyggande i skolan.',
    'Kvinnojourerna behöver mer pengar, och det ska de få under mandatperioden.',
    'Ja.',
    'Vi följer upp varje år och redovisar resultatet i kommunfullmäktige.',
  ];

  it('answer the whole of a batch larger than they keep, the same as an unbounded one', async () => {
    const width = 900;
    const items = texts.map((text) => ({ text, width }));
    const expected = await createTextHeights(templates.metrics)(items);
    const small = createTextHeights(templates.metrics, 1);
    expect(await small(items)).toEqual(expected);
    // Asked again, mostly forgotten: measured again, the same.
    expect(await small([...items].reverse())).toEqual([...expected].reverse());
  });

  it('measure widths of a batch larger than they keep, the same as an unbounded one', async () => {
    const style = { fontSize: 42, fontWeight: 400 };
    const expected = await createWidthMeasurer(style)(texts);
    const small = createWidthMeasurer(style, 1);
    const [first, second] = await Promise.all([small(texts), small(texts.slice(1))]);
    expect(first).toEqual(expected);
    expect(second).toEqual(expected.slice(1));
    expect(expected.every((width) => width > 0)).toBe(true);
  });
});
