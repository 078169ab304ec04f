import type { Check } from './check.js';
import type { Finding } from './finding.js';
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
    const errors = (await planScheduledPosts(dataset, templates)).flatMap(
      ({ file, index, spec, problem }): Finding[] =>
        problem === undefined
          ? []
          : [
              {
                code: 'fit',
                message: `the post of ${spec.date} (${spec.format}): ${problem.message}`,
                file,
                where: `posts[${index}]`,
                ...(problem.hint === undefined ? {} : { hint: problem.hint }),
              },
            ],
    );
    return { errors, warnings: [] };
  },
};
