import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { inspectData, loadBrand, loadData, loadInterviewFile } from '../data/load.js';
import { partiesOf, sourceOf, type PostSource } from './post-spec.js';

/** A .yaml path, or anything that exists on disk, is a file; anything else an interview id. */
function isFileTarget(target: string): boolean {
  return /\.ya?ml$/i.test(target) || existsSync(target);
}

/**
 * Reads what a post of one interview is made from: `target` is an interview id of the data
 * folder (which must then be valid), or an interview file from anywhere, drawn with the data
 * folder's brand and, when the folder is valid and has it, the interview's campaign.
 */
export async function loadPostSource(dataDir: string, target: string): Promise<PostSource> {
  if (!isFileTarget(target)) return sourceOf(await loadData(dataDir), target);
  const interview = await loadInterviewFile(target);
  const brand = await loadBrand(dataDir);
  const { dataset } = await inspectData(dataDir);
  return {
    brand,
    brandFile: join(dataDir, 'brand.yaml'),
    interview,
    interviewFile: target,
    campaign: dataset?.campaigns.find((candidate) => candidate.id === interview.campaign),
    campaignParties: dataset === undefined ? [] : partiesOf(dataset, interview.campaign),
  };
}
