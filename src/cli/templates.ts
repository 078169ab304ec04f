import type { TemplateSet } from '../slide/template-set.js';

/**
 * The package's own slide templates, for the commands that lay out or draw posts: the program
 * is composed here, so the render code never imports a template. Imported on first use: the
 * templates pull in React, which the other commands do without.
 */
export async function loadTemplates(): Promise<TemplateSet> {
  return (await import('../../templates/index.js')).templates;
}

/** Where the package's own templates are, for drawing worker threads to import them. */
export function templatesUrl(): string {
  return new URL('../../templates/index.js', import.meta.url).href;
}
