import { stockholmInstants } from '../data/publish-time.js';
import type { InSwedish, Issue } from '../issue.js';
import { formatSwedishDate } from '../slide/slide-context.js';
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
      // Said in Swedish too, for the studio: the type makes a warning without its Swedish an error.
      campaign.posts.flatMap((post, index): (Issue & { sv: Required<InSwedish> })[] => {
        const { time } = campaign;
        const [first, second] = stockholmInstants(post.date, time);
        if (first === undefined || second === undefined) return [];
        return [
          {
            code: 'schema',
            severity: 'warning',
            message: `${post.date} at ${time} happens twice in Stockholm: the clocks go back from 03:00 to 02:00 that night, as summer time ends; the post is published at the first, ${first}`,
            file,
            path: ['posts', index, 'date'],
            hint: 'to be sure of the hour, set the campaign’s time outside 02:00–03:00',
            sv: {
              message: `${formatSwedishDate(post.date)} klockan ${time} inträffar två gånger i svensk tid: den natten ställs klockan tillbaka från 03:00 till 02:00, när sommartiden slutar; inlägget publiceras den första gången, på sommartid (${first})`,
              hint: 'för att vara säker på timmen: sätt kampanjens tid (time) utanför 02:00–03:00',
            },
          },
        ];
      }),
    );
    return { issues };
  },
};
