import { findFolderClashes } from '../render/post-spec.js';
import type { Check } from './check.js';
import type { Finding } from './finding.js';

/**
 * Two posts of a campaign that a build would write to one folder, `<date>-<party>`: build
 * refuses them by the same rule (findFolderClashes), so check reports them first.
 */
export const postFolderCheck: Check = {
  name: 'post folders',
  needs: 'dataset',
  run(dataset) {
    const errors = dataset.campaigns.flatMap((campaign) =>
      findFolderClashes(dataset, campaign).map((issue): Finding => ({
        code: 'reference',
        message: issue.message,
        ...(issue.file === undefined ? {} : { file: issue.file }),
        ...(issue.where === undefined ? {} : { where: issue.where }),
        ...(issue.hint === undefined ? {} : { hint: issue.hint }),
      })),
    );
    return { errors, warnings: [] };
  },
};
