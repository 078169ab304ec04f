import { findFolderClashes } from '../render/post-spec.js';
import type { Check } from './check.js';

/**
 * Two posts of a campaign that a build would write to one folder, `<date>-<party>`: build
 * refuses them by the same rule (findFolderClashes), so check reports them first.
 */
export const postFolderCheck: Check = {
  name: 'post folders',
  needs: 'dataset',
  run(dataset) {
    return {
      issues: dataset.campaigns.flatMap((campaign) => findFolderClashes(dataset, campaign)),
    };
  },
};
