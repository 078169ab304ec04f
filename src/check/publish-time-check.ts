import { stockholmInstants } from '../data/publish-time.js';
import type { Issue } from '../issue.js';
import type { Check } from './check.js';

/**
 * A post whose publish time happens twice, in the hour the clocks repeat when summer time ends:
 * it is published at the first (summer time), which may not be what was meant. A time that
 * does not exist at all is the campaign schema's error.
 */
export const publishTimeCheck: Check = {
  name: 'publish time',
  needs: 'files',
  run(data) {
    const issues = data.campaigns.flatMap(({ file, value: campaign }) =>
      campaign.posts.flatMap((post, index): Issue[] => {
        const instants = stockholmInstants(post.date, campaign.time);
        if (instants.length < 2) return [];
        return [
          {
            code: 'schema',
            severity: 'warning',
            message: `${post.date} at ${campaign.time} happens twice in Stockholm: the clocks go back from 03:00 to 02:00 that night, as summer time ends; the post is published at the first, ${instants[0]}`,
            file,
            path: ['posts', index, 'date'],
            hint: 'to be sure of the hour, set the campaign’s time outside 02:00–03:00',
          },
        ];
      }),
    );
    return { issues };
  },
};
