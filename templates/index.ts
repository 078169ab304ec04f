import type { TemplateSet } from '../src/slide/template-set.js';
import { ClosingTemplate } from './closing.js';
import { ContinuationTemplate } from './continuation.js';
import { CoverTemplate } from './cover.js';
import { columnWidth, coverMarginX, coverType, type } from './parts.js';
import { QaTemplate } from './qa.js';

/** The slide templates, as the renderer takes them: a component per kind, and their metrics. */
export const templates: TemplateSet = {
  cover: CoverTemplate,
  qa: QaTemplate,
  continuation: ContinuationTemplate,
  closing: ClosingTemplate,
  metrics: { type, coverType, columnWidth, coverMarginX },
};
