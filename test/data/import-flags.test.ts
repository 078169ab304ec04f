import { describe, expect, it } from 'vitest';
import { flagImportLines } from '../../src/data/import-flags.js';

describe('flagImportLines', () => {
  it('flags a - or * bullet and a question without its emoji, not the preamble’s question', () => {
    const page = [
      'Våra valfrågor',
      'Vad svarade de?',
      'Valfrågor 2022',
      'Vi intervjuade Amanda Lind (gruppledare) … 5 september 2022.',
      '❤️ Hur arbetar Miljöpartiet?',
      'Det här vill vi se:',
      '- Fler kuratorer.',
      '* Trygga vägar hem.',
      ' • Belysning.',
      'Vad kan kommunen göra bättre?',
      'Mycket. Vem ska annars ta ansvar? Kommunen.',
    ].join('\n');
    expect(flagImportLines(page)).toEqual([
      { line: 7, text: '- Fler kuratorer.', kind: 'dash-bullet' },
      { line: 8, text: '* Trygga vägar hem.', kind: 'dash-bullet' },
      { line: 10, text: 'Vad kan kommunen göra bättre?', kind: 'unmarked-question' },
    ]);
  });
});
