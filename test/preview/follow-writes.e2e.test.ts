import { afterEach, describe, expect, it } from 'vitest';
import type { CampaignFields, PlanCampaign, PlanState } from '../../src/preview/page-protocol.js';
import { startFixture, waitFor, type PreviewFixture } from './fixture.js';
import { send, tokenOf } from './write-client.js';

/**
 * The studio follows its own writes at once, not when the folder watcher reports them (~140 ms
 * later), and the watcher's report of the same write changes nothing more.
 */

const advent = 'adventsfragestund-2020';
let fixture: PreviewFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

/** Changes the Advent campaign's publishing time through the studio's write route. */
async function changeTime(studio: PreviewFixture, time: string): Promise<void> {
  const plan = await studio.getJson<PlanState>('/api/plan');
  const campaign: PlanCampaign = plan.campaigns.find((each) => each.id === advent)!;
  const fields: CampaignFields = {
    title: campaign.title,
    subtitle: campaign.subtitle ?? '',
    marker: campaign.marker,
    theme: campaign.theme,
    format: campaign.format,
    time,
    hashtags: campaign.hashtags,
  };
  const answer = await send(studio.server.url, `/api/plan/campaigns/${advent}`, {
    token: await tokenOf(studio.server.url),
    body: { baseVersion: campaign.version, fields },
  });
  expect(answer.status).toBe(200);
}

const dataEvents = (studio: PreviewFixture): number =>
  studio.events.filter((event) => event.type === 'data').length;

describe('the studio’s own writes', () => {
  it('are followed without waiting for the folder watcher', async () => {
    // A watcher that waits a minute: only the write itself can tell the studio in time.
    const studio = (fixture = await startFixture('follow-writes', { debounceMs: 60_000 }));
    const before = (await studio.state()).version;
    await changeTime(studio, '09:30');
    const after = await waitFor(
      'the new version',
      async () => {
        const { version } = await studio.state();
        return version > before ? version : undefined;
      },
      5_000,
    );
    expect(after).toBeGreaterThan(before);
    expect(dataEvents(studio)).toBe(1);
  });

  it('are followed once: the watcher’s report of the same write changes nothing', async () => {
    const studio = (fixture = await startFixture('follow-writes-once'));
    const before = (await studio.state()).version;
    await changeTime(studio, '09:45');
    await waitFor('the write followed', () => (dataEvents(studio) > 0 ? true : undefined), 5_000);
    // Well past the watcher's settling time (~140 ms).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(dataEvents(studio)).toBe(1);
    expect((await studio.state()).version).toBe(before + 1);
  });
});
