import { loadData } from '../src/data/load.js';
import { postFolderName, specsOfCampaign } from '../src/render/post-spec.js';
import { planPost, type PlannedPost } from '../src/render/render-post.js';
import { templates } from '../templates/index.js';

/** A scheduled post as `excerpt build` lays it out, with the folder it writes it to. */
export interface BenchPost {
  campaign: string;
  folder: string;
  planned: PlannedPost;
}

/**
 * Every scheduled post of every campaign in `dataDir`, laid out by excerpt's own planning:
 * the same posts, in the same order, with the same slides as `excerpt build` with no options.
 */
export async function planBundledPosts(dataDir: string): Promise<BenchPost[]> {
  const dataset = await loadData(dataDir);
  const posts: BenchPost[] = [];
  for (const campaign of dataset.campaigns) {
    for (const spec of specsOfCampaign(dataset, campaign)) {
      posts.push({
        campaign: campaign.id,
        folder: postFolderName(spec.date, spec.interview.party),
        planned: await planPost(spec, templates),
      });
    }
  }
  return posts;
}
