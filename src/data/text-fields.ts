import type { ParsedData } from '../data/load.js';
import type { Brand, Campaign, Interview } from '../data/schema.js';
import type { FieldPath } from '../issue.js';

/**
 * What a text is, for the checks that read it: a `name` (people, parties, the organisation, a
 * campaign's title, web addresses) is accepted by the spelling check, not checked; `prose` is
 * checked; a `hashtag` is checked word by word (CamelCase).
 */
export type TextKind = 'name' | 'prose' | 'hashtag';

/** One text of the data and where it is written. */
export interface TextField {
  file: string;
  /** The field, e.g. `['qa', 2, 'answer', 0, 'list', 1]`. */
  path: FieldPath;
  text: string;
  kind: TextKind;
  /** Drawn on a slide: every character must be drawable. */
  isDrawn: boolean;
  /** The id of the Q&A it belongs to. */
  qa?: string;
}

/** Every text of every file that parsed: brand, campaigns, then interviews, in file order. */
export function textFields(data: ParsedData): TextField[] {
  return [
    ...(data.brand === undefined ? [] : brandFields(data.brand.file, data.brand.value)),
    ...data.campaigns.flatMap(({ file, value }) => campaignFields(file, value)),
    ...data.interviews.flatMap(({ file, value }) => interviewFields(file, value)),
  ];
}

function brandFields(file: string, brand: Brand): TextField[] {
  const field = (
    key: Exclude<keyof Brand, 'themes' | 'instagram'>,
    kind: TextKind,
    isDrawn: boolean,
  ): TextField => ({
    file,
    path: [key],
    text: String(brand[key]),
    kind,
    isDrawn,
  });
  return [
    field('organisation', 'name', true),
    field('handle', 'name', true),
    field('website', 'name', true),
    field('interviewsUrl', 'name', true),
    // Only inside the contact line, which is drawn (and checked) as it is written there.
    field('email', 'name', false),
    field('contactLine', 'prose', true),
  ];
}

function campaignFields(file: string, campaign: Campaign): TextField[] {
  const fields: TextField[] = [
    { file, path: ['title'], text: campaign.title, kind: 'name', isDrawn: true },
    { file, path: ['marker'], text: campaign.marker, kind: 'prose', isDrawn: true },
  ];
  if (campaign.subtitle !== undefined) {
    fields.push({
      file,
      path: ['subtitle'],
      text: campaign.subtitle,
      kind: 'prose',
      isDrawn: true,
    });
  }
  // Hashtags go into the caption, not onto a slide.
  campaign.hashtags.forEach((tag, index) =>
    fields.push({ file, path: ['hashtags', index], text: tag, kind: 'hashtag', isDrawn: false }),
  );
  return fields;
}

/** Every text of an interview: who answers, the intro, and each Q&A's question and answer. */
export function interviewFields(file: string, interview: Interview): TextField[] {
  const fields: TextField[] = [
    { file, path: ['party'], text: interview.party, kind: 'name', isDrawn: true },
    {
      file,
      path: ['interviewee', 'name'],
      text: interview.interviewee.name,
      kind: 'name',
      isDrawn: true,
    },
    {
      file,
      path: ['interviewee', 'role'],
      text: interview.interviewee.role,
      kind: 'prose',
      isDrawn: true,
    },
  ];
  // The intro is the website's, kept for reference: no slide or caption shows it.
  if (interview.intro !== undefined) {
    fields.push({ file, path: ['intro'], text: interview.intro, kind: 'prose', isDrawn: false });
  }
  interview.qa.forEach((qa, index) => {
    const prose = (path: FieldPath, text: string): TextField => ({
      file,
      path: ['qa', index, ...path],
      text,
      kind: 'prose',
      isDrawn: true,
      qa: qa.id,
    });
    fields.push(prose(['question'], qa.question));
    qa.answer.forEach((block, blockIndex) => {
      if (typeof block === 'string') fields.push(prose(['answer', blockIndex], block));
      else {
        block.list.forEach((item, itemIndex) =>
          fields.push(prose(['answer', blockIndex, 'list', itemIndex], item)),
        );
      }
    });
  });
  return fields;
}
