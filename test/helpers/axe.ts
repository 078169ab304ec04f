import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const axeSource = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** What axe-core finds wrong in the page as it is now (WCAG 2.1 A and AA, best practice). */
export async function axeViolations(target: Page): Promise<string[]> {
  if (!(await target.evaluate('typeof axe !== "undefined"'))) {
    // Evaluated through the debugger: the page's own policy refuses an inline script tag.
    await target.evaluate(axeSource);
  }
  const violations = await target.evaluate<AxeViolation[]>(
    `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })
       .then((result) => result.violations.map(({ id, help, nodes }) =>
         ({ id, help, nodes: nodes.map(({ target }) => ({ target })) })))`,
  );
  return violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}
