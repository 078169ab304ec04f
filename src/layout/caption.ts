import { swedishQuotes } from './typography.js';

export interface CaptionInput {
  campaign: { title: string; marker: string };
  speaker: { name: string; role: string; party: string };
  questions: readonly string[];
  interviewsUrl: string;
  hashtags: readonly string[];
}

/**
 * The post's caption, in Swedish: who answers (name, role, party), the campaign, the questions
 * of this excerpt, where to read it all, and the hashtags last (CamelCase, as written in the data).
 */
export function buildCaption(input: CaptionInput): string {
  const { campaign, speaker } = input;
  const lines = [
    `${campaign.marker} ${campaign.title}: ${speaker.party}`,
    '',
    `${speaker.name}, ${speaker.role} för ${speaker.party}, svarar på våra frågor.`,
    '',
    input.questions.length === 1 ? 'Frågan i det här utdraget:' : 'Frågorna i det här utdraget:',
    ...input.questions.map((question) => `${campaign.marker} ${swedishQuotes(question)}`),
    '',
    `Läs hela intervjun på ${input.interviewsUrl} (länk i bio).`,
  ];
  if (input.hashtags.length > 0) lines.push('', input.hashtags.map((tag) => `#${tag}`).join(' '));
  return lines.join('\n');
}
