import { parse, type Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editYamlText } from '../../src/data/edit-yaml.js';
import { campaignSchema } from '../../src/data/schema.js';
import type { CampaignFields } from '../../src/preview/page-protocol.js';
import {
  applyCampaignFields,
  applySchedule,
  newCampaignText,
} from '../../src/preview/plan/campaign-edits.js';

/** The campaign edits the studio makes, on the YAML Document: what a person wrote stays. */

const fields: CampaignFields = {
  title: 'Valfrågor 2026',
  subtitle: '',
  marker: '🗳️',
  theme: 'default',
  format: 'portrait',
  time: '08:00',
  hashtags: ['Huddinge', 'Val2026'],
};

const handWritten = `# Written by hand: keep this comment.
id: valfragor-2026
title: Valfrågor 2026 # the title on the cover
marker: "🗳️"
theme: default
format: square
time: "09:00"
hashtags: [Huddinge]
posts:
  # The first party.
  - date: 2026-05-01
    interview: valfragor-2026/centerpartiet
    qa: [q1, q2]
  - date: 2026-05-03
    interview: valfragor-2026/liberalerna
    qa: [q1, q2]
`;

/** The edit as the studio's writer makes it (data/edit-yaml.ts: untouched lines kept as written). */
function edited(text: string, edit: (document: Document) => void): string {
  return editYamlText(text, edit);
}

describe('newCampaignText', () => {
  it('writes a campaign the loader reads, with its time quoted and no posts yet', () => {
    const text = newCampaignText('valfragor-2026', fields);
    const campaign = campaignSchema.parse(parse(text));
    expect(campaign).toMatchObject({ id: 'valfragor-2026', format: 'portrait', time: '08:00' });
    expect(campaign.posts).toEqual([]);
    expect(text).toContain('time: "08:00"');
    expect(text).toContain('hashtags: [Huddinge, Val2026]');
    expect(text).not.toContain('subtitle');
  });
});

describe('applyCampaignFields', () => {
  it('changes the fields and keeps comments and order; a new subtitle goes after the title', () => {
    const text = edited(handWritten, (document) =>
      applyCampaignFields(document, { ...fields, subtitle: 'Politiker svarar', format: 'story' }),
    );
    expect(text).toContain('# Written by hand: keep this comment.');
    expect(text).toContain(
      'title: Valfrågor 2026 # the title on the cover\nsubtitle: Politiker svarar\nmarker:',
    );
    expect(text).toContain('format: story');
    expect(text).toContain('hashtags: [Huddinge, Val2026]');
    expect(text).toContain('  # The first party.');
  });

  it('removes a subtitle emptied on the page', () => {
    const withSubtitle = handWritten.replace('marker:', 'subtitle: Gammal\nmarker:');
    const text = edited(withSubtitle, (document) => applyCampaignFields(document, fields));
    expect(text).not.toContain('subtitle');
  });
});

describe('applySchedule', () => {
  it('places a new post in date order', () => {
    const text = edited(handWritten, (document) =>
      applySchedule(document, 'valfragor-2026/moderaterna', {
        date: '2026-05-02',
        qa: ['q1', 'q3'],
        highlight: 'Vi vill mer.',
      }),
    );
    const posts = campaignSchema.parse(parse(text)).posts;
    expect(posts.map((post) => post.interview)).toEqual([
      'valfragor-2026/centerpartiet',
      'valfragor-2026/moderaterna',
      'valfragor-2026/liberalerna',
    ]);
    expect(posts[1]).toMatchObject({ qa: ['q1', 'q3'], highlight: 'Vi vill mer.' });
  });

  it('edits a post where it stands, with its comment, and drops an emptied highlight', () => {
    const withHighlight = handWritten.replace(
      'qa: [q1, q2]\n  - date',
      'qa: [q1, q2]\n    highlight: Förr\n  - date',
    );
    const text = edited(withHighlight, (document) =>
      applySchedule(document, 'valfragor-2026/centerpartiet', {
        date: '2026-05-01',
        qa: ['q2', 'q1'],
        highlight: '  ',
      }),
    );
    expect(text).toContain(
      '  # The first party.\n  - date: 2026-05-01\n    interview: valfragor-2026/centerpartiet\n    qa: [q2, q1]\n',
    );
    expect(text).not.toContain('highlight');
  });

  it('moves a post whose date moves, and takes one off the schedule', () => {
    const moved = edited(handWritten, (document) =>
      applySchedule(document, 'valfragor-2026/centerpartiet', { date: '2026-05-04', qa: ['q1'] }),
    );
    expect(campaignSchema.parse(parse(moved)).posts.map((post) => post.date)).toEqual([
      '2026-05-03',
      '2026-05-04',
    ]);
    const removed = edited(handWritten, (document) =>
      applySchedule(document, 'valfragor-2026/liberalerna', null),
    );
    expect(campaignSchema.parse(parse(removed)).posts).toHaveLength(1);
    expect(removed).toContain('# Written by hand: keep this comment.');
  });
});
