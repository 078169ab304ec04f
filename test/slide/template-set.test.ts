import { describe, expect, it } from 'vitest';
import { isTemplateSet } from '../../src/slide/template-set.js';
import { templates } from '../../templates/index.js';

describe('isTemplateSet', () => {
  it('accepts the package’s templates', () => {
    expect(isTemplateSet(templates)).toBe(true);
  });

  it.each([
    ['nothing', undefined],
    ['a component alone', templates.cover],
    ['a set without its metrics', { ...templates, metrics: undefined }],
    ['a set without a closing template', { ...templates, closing: 'closing' }],
    [
      'metrics of an older set, a question size by function and no hook sizes',
      {
        ...templates,
        metrics: {
          ...templates.metrics,
          type: { ...templates.metrics.type, question: undefined, hookSizes: undefined },
          questionSize: () => 58,
        },
      },
    ],
    [
      'metrics without the cover hook’s sizes',
      {
        ...templates,
        metrics: { ...templates.metrics, type: { ...templates.metrics.type, hookSizes: 60 } },
      },
    ],
  ])('refuses %s', (_, value) => {
    expect(isTemplateSet(value)).toBe(false);
  });
});
