import { describe, expect, it } from 'vitest';
import { keepLastWordWithItsNeighbour } from '../../templates/parts.js';

/** The templates' own sentences: no year alone on a slide's last line. */
describe('keepLastWordWithItsNeighbour', () => {
  it('keeps a short last word ("2020.") with the word before it, by a no-break space', () => {
    expect(keepLastWordWithItsNeighbour('i Adventsfrågestund 2020.')).toBe(
      'i Adventsfrågestund\u00a02020.',
    );
    expect(keepLastWordWithItsNeighbour('Valet HT24')).toBe('Valet\u00a0HT24');
  });

  it('leaves a long last word free to go to a line of its own, and a text of one word as it is', () => {
    expect(keepLastWordWithItsNeighbour('i Digital Pridefestivalen.')).toBe(
      'i Digital Pridefestivalen.',
    );
    expect(keepLastWordWithItsNeighbour('2020.')).toBe('2020.');
  });
});
