import type { Fail, Line } from './lines.js';
import type { Section } from './sections.js';
import { mostCommon } from './tally.js';

/** The emoji a campaign puts before its questions. */
export interface Marker {
  /** As the page writes it most often. */
  raw: string;
  /** Without VS16, for comparing. */
  key: string;
}

function markerKey(emoji: string): string {
  return emoji.replace(/\uFE0F/gu, '');
}

/** Each campaign's marker, by campaign id: the emoji most of its lines start with. */
export function chooseMarkers(sections: Section[], fail: Fail): Map<string, Marker> {
  const counts = new Map<string, Map<string, number>>();
  for (const section of sections) {
    const campaignCounts = counts.get(section.campaignId) ?? new Map<string, number>();
    counts.set(section.campaignId, campaignCounts);
    for (const line of section.body) {
      if (line.emoji !== undefined) {
        campaignCounts.set(line.emoji, (campaignCounts.get(line.emoji) ?? 0) + 1);
      }
    }
  }

  const markers = new Map<string, Marker>();
  for (const [campaignId, campaignCounts] of counts) {
    const byKey = new Map<string, number>();
    for (const [emoji, count] of campaignCounts) {
      byKey.set(markerKey(emoji), (byKey.get(markerKey(emoji)) ?? 0) + count);
    }
    const key = mostCommon(byKey);
    if (key === undefined) {
      const section = sections.find((candidate) => candidate.campaignId === campaignId) as Section;
      fail(
        section.heading.number,
        `no question of "${section.title}" starts with an emoji`,
        "put the campaign's emoji (e.g. 🎄) before each question, as the page does",
        {
          message: `Ingen fråga i ”${section.title}” börjar med en emoji.`,
          hint: 'Sätt kampanjens emoji (till exempel 🎄) före varje fråga, så som sidan brukar.',
        },
      );
    }
    const raws = new Map([...campaignCounts].filter(([emoji]) => markerKey(emoji) === key));
    markers.set(campaignId, { raw: mostCommon(raws) ?? '', key: key ?? '' });
  }
  return markers;
}

/** True when the line starts with the marker (compared without VS16). */
export function isMarked(line: Line, marker: string): boolean {
  return line.emoji !== undefined && markerKey(line.emoji) === marker;
}
