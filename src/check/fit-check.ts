import type { Issue } from '../issue.js';
import type { Check } from './check.js';
import { planScheduledPosts } from './scheduled-posts.js';

/**
 * Every scheduled post lays out within a carousel's 2–10 slides in its campaign's format, with
 * nothing that does not fit: planned by the same code, and measured by the same engine, as a
 * build.
 */
export const fitCheck: Check = {
  name: 'fit',
  needs: 'dataset',
  async run(dataset, { templates }) {
    const issues = (await planScheduledPosts(dataset, templates)).flatMap(
      ({ file, index, spec, problem }): Issue[] =>
        problem === undefined
          ? []
          : [
              {
                code: 'fit',
                severity: 'error',
                message: `the post of ${spec.date} (${spec.format}): ${problem.message}`,
                file,
                path: ['posts', index],
                ...(problem.hint === undefined ? {} : { hint: problem.hint }),
              },
            ],
    );
    return { issues };
  },
};
