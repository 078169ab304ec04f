import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { inspectData } from '../../data/load.js';
import { parseYamlText } from '../../data/read-yaml-file.js';
import { campaignSchema, type Campaign, type Interview } from '../../data/schema.js';
import { instagramLimits } from '../../layout/instagram-limits.js';
import { postFolderName } from '../../render/post-spec.js';
import { versionOf } from '../edits/data-files.js';
import type { PlanCampaign, PlanInterview, PlanState } from '../page-protocol.js';
import { problemOfDataIssues } from '../problem.js';

/**
 * The campaigns and interviews as their files say now, for the campaign and schedule views.
 * Each campaign is parsed from the very text its version is the hash of, so a save made from
 * what the page shows names exactly that text. Files that do not read are left out, and the
 * problems of the folder listed; the rest can still be planned.
 */
export async function readPlanState(dataDir: string): Promise<PlanState> {
  const inspection = await inspectData(dataDir);
  const { parsed } = inspection;
  const partyOf = new Map(parsed.interviews.map(({ value }) => [value.id, value.party]));

  const campaigns: PlanCampaign[] = [];
  for (const { file } of parsed.campaigns) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const campaign = parseYamlText(text, file, campaignSchema).value;
    if (campaign === undefined) continue;
    // Named as the studio's writes name a data file: inside the data folder.
    const path = `campaigns/${basename(file)}`;
    campaigns.push(planCampaign(campaign, path, versionOf(text)!, partyOf));
  }
  campaigns.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const interviews = parsed.interviews
    .map(({ value }) => planInterview(value))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const themes = Object.keys(parsed.brand?.value.themes ?? { default: null });
  return {
    themes: ['default', ...themes.filter((theme) => theme !== 'default')],
    maxHashtags: instagramLimits.hashtags,
    campaigns,
    interviews,
    problems: inspection.issues.length === 0 ? [] : [problemOfDataIssues(inspection.issues)],
  };
}

function planCampaign(
  campaign: Campaign,
  file: string,
  version: string,
  partyOf: ReadonlyMap<string, string>,
): PlanCampaign {
  return {
    id: campaign.id,
    file,
    version,
    title: campaign.title,
    ...(campaign.subtitle === undefined ? {} : { subtitle: campaign.subtitle }),
    marker: campaign.marker,
    theme: campaign.theme,
    format: campaign.format,
    time: campaign.time,
    hashtags: [...campaign.hashtags],
    posts: campaign.posts.map((post, index) => ({
      index,
      // A post of an unknown interview has no folder; its id still tells posts apart.
      id: `${campaign.id}/${postFolderName(post.date, partyOf.get(post.interview) ?? post.interview)}`,
      date: post.date,
      interview: post.interview,
      qa: [...post.qa],
      ...(post.highlight === undefined ? {} : { highlight: post.highlight }),
    })),
  };
}

function planInterview(interview: Interview): PlanInterview {
  return {
    id: interview.id,
    campaign: interview.campaign,
    party: interview.party,
    name: interview.interviewee.name,
    role: interview.interviewee.role,
    publishedOn: interview.publishedOn,
    qa: interview.qa.map((qa) => ({
      id: qa.id,
      question: qa.question,
      answer: qa.answer.map((block) =>
        typeof block === 'string' ? block : { list: [...block.list] },
      ),
    })),
  };
}
