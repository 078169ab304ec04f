import { formatNamesInSwedish } from '../data/schema.js';
import type { Issue } from '../issue.js';
import { formatSwedishDate } from '../slide/slide-context.js';
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
      ({ file, index, spec, problem }): Issue[] => {
        if (problem === undefined) return [];
        const { hint, sv } = problem;
        const post = `Inlägget den ${formatSwedishDate(spec.date)} (${formatNamesInSwedish[spec.format]})`;
        return [
          {
            code: 'fit',
            severity: 'error',
            message: `the post of ${spec.date} (${spec.format}): ${problem.message}`,
            file,
            path: ['posts', index],
            ...(hint === undefined ? {} : { hint }),
            // Every problem of the layout says itself in Swedish (carousel.ts); one that did not
            // is shown in English, whole, rather than half in each language.
            ...(sv === undefined
              ? {}
              : {
                  sv: {
                    message: `${post}: ${sv.message}`,
                    ...(sv.hint === undefined ? {} : { hint: sv.hint }),
                  },
                }),
          },
        ];
      },
    );
    return { issues };
  },
};
