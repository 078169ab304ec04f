import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { packageRoot } from '../src/paths.js';

/** The generated campaign's id. */
export const generatedCampaignId = 'storskalig-2026';

/**
 * Writes a data folder with one campaign of `posts` posts, each the interview of a party of its
 * own with one short Q&A (three slides: cover, answer, closing): how a campaign of hundreds of
 * posts is built, for the benchmark and the tests of scale. Ten posts a day from 1 March 2026.
 */
export async function generateCampaign(dir: string, posts: number): Promise<void> {
  await mkdir(join(dir, 'campaigns'), { recursive: true });
  await mkdir(join(dir, 'interviews', generatedCampaignId), { recursive: true });
  await copyFile(join(packageRoot, 'data', 'brand.yaml'), join(dir, 'brand.yaml'));
  const schedule: { date: string; interview: string; qa: string[] }[] = [];
  for (let index = 1; index <= posts; index++) {
    const party = `Lokala listan ${index}`;
    const slug = `lokala-listan-${index}`;
    const date = dayOf(Math.floor((index - 1) / 10));
    const id = `${generatedCampaignId}/${slug}`;
    const interview = {
      id,
      campaign: generatedCampaignId,
      party,
      interviewee: { name: `Kim Andersson ${index}`, role: 'gruppledare' },
      publishedOn: date,
      qa: [
        {
          id: 'q1',
          question: `Hur arbetar ${party} för att motverka killars våld mot tjejer?`,
          answer: [
            `${party} vill att kommunen arbetar förebyggande i skolan och stödjer kvinnojouren. Vi vill också att alla som arbetar med barn och unga får utbildning om våld i nära relationer.`,
          ],
        },
      ],
    };
    await writeFile(
      join(dir, 'interviews', generatedCampaignId, `${slug}.yaml`),
      stringify(interview, { lineWidth: 0 }),
    );
    schedule.push({ date, interview: id, qa: ['q1'] });
  }
  const campaign = {
    id: generatedCampaignId,
    title: 'Storskalig kampanj 2026',
    marker: '🎄',
    theme: 'advent',
    hashtags: ['Huddinge'],
    posts: schedule,
  };
  await writeFile(
    join(dir, 'campaigns', `${generatedCampaignId}.yaml`),
    stringify(campaign, { lineWidth: 0 }),
  );
}

function dayOf(offset: number): string {
  const date = new Date(Date.UTC(2026, 2, 1 + offset));
  return date.toISOString().slice(0, 10);
}
