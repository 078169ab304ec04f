import type { ImportResult } from '../../src/data/import-page.js';
import type { AnswerBlock, Interview, Qa } from '../../src/data/schema.js';
import { slugify } from '../../src/data/slug.js';

/**
 * Big pages in the source's format (test/fixtures/pages/*.txt), with the interviews the importer
 * must read from them: for timing the importer on many interviews and checking it stays right.
 *
 * Deterministic: interview `i` always gets the same party, person, date and quirks. The quirks
 * are the real page's, spread over the interviews: a question glued to its answer, a question
 * without its marker, a marker on a line of its own, bullet lists, a `?` inside an answer, a
 * no-break space, an intro over two lines or with two dates, a heading dressed in emoji, untidy
 * whitespace. Each campaign's parties are distinct one-word names (every tenth a two-word one)
 * that appear in some questions, so the party can only be found by comparing interviews.
 */

export interface GeneratePageOptions {
  /** Interviews in all; they are dealt to the campaigns in turn. */
  interviews: number;
  /** 1 or 2: Adventsfrågestund 2020 (🎄), then Digital Pride 2020 (🌈). */
  campaigns?: number;
}

export interface GeneratedPage {
  text: string;
  /** What importPage must return for `text`. */
  expected: ImportResult;
}

const NBSP = '\u00A0';

interface Campaign {
  title: string;
  marker: string;
  /** The questions every interview of the campaign is asked, with its party in some. */
  questions: (party: string) => string[];
}

const CAMPAIGNS: Campaign[] = [
  {
    title: 'Adventsfrågestund 2020',
    marker: '🎄',
    questions: (party) => [
      `Hur arbetar ${party} för att motverka killars våld mot tjejer?`,
      'Vilka konkreta insatser anser ni vara nödvändiga framöver för ett framgångsrikt våldspreventivt arbete?',
      `Har ${party} tidigare lagt fram förslag till kommunfullmäktige i Huddinge kommun som berör killars våld mot tjejer? Om ja, berätta gärna vad!`,
      'Socialstyrelsen har tidigare konstaterat att kunskapen om våld i kommuner runt om i Sverige är bristfällig. Hur tydlig bild av killars våld och flickors utsatthet upplever ni att det finns i Huddinge kommun, och hur kan den eventuellt bli bättre?',
      'Vilka utmaningar ser du i arbetet mot killars våld mot tjejer?',
      `Finns det några konkreta förslag hos ${party} för att stärka, stötta och bevara den ideella jourrörelsen?`,
    ],
  },
  {
    title: 'Digital Pride 2020',
    marker: '🌈',
    questions: (party) => [
      `Hur arbetar ${party} för att öka tryggheten i Huddinge kommun för unga och i synnerhet HBTQ-personer?`,
      `Vilka initiativ har ${party} tagit för att förbättra livssituationen för unga HBTQ-personer i Huddinge kommun?`,
      'Vilka verksamheter i kommunen når unga HBTQ-personer i dag?',
      `Hur ser ${party} till att civilsamhället har resurser att bedriva politisk påverkansarbete för målgruppen?`,
    ],
  },
];

/** Two-letter syllables: names built of them are distinct, and so are their slugs. */
const SYLLABLES = 'bo da ek fi gu ha ja ko lu mi no pe ri sa tu vi'.split(' ');
const FIRST_NAMES =
  'Anna Bo Cecilia David Eva Fredrik Greta Hampus Ingalill Jonas Karin Lars'.split(' ');
const LAST_NAMES = [
  'Berg',
  'Ek',
  'Holm',
  'af Klint',
  'Nyberg',
  'Ottosson',
  'Heelge Vikmång',
  'Söderberg',
  'Öst-Lund',
];
const ROLES = [
  'kommunalråd',
  'oppositionsråd',
  'politisk sekreterare',
  'gruppledare',
  'ledamot i socialnämnden',
];
const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** A distinct party for each number: "Bodaekpartiet", and every tenth "Bodaek Framåt". */
export function partyName(index: number): string {
  let word = '';
  // Base-16 digits as syllables, at least three: 4,096 names before they grow a syllable.
  for (let rest = index, digits = 0; rest > 0 || digits < 3; rest = Math.floor(rest / 16)) {
    word += SYLLABLES[rest % 16];
    digits += 1;
  }
  const stem = word.charAt(0).toUpperCase() + word.slice(1);
  return index % 10 === 9 ? `${stem} Framåt` : `${stem}partiet`;
}

/** A page of `interviews` interviews, and what importPage must make of it. */
export function generatePage(options: GeneratePageOptions): GeneratedPage {
  // A campaign appears on the page only with an interview in it.
  const count = Math.min(options.campaigns ?? 1, CAMPAIGNS.length, options.interviews);
  const campaigns = CAMPAIGNS.slice(0, Math.max(1, count));
  const lines: string[] = [
    'Politisk påverkan i kommunen',
    '',
    'Här kan du ta del av den politiska påverkan vi bedriver i kommunen. Läs de intervjuer vi gjort med våra lokala partier. ',
    '',
    'Är ni ett parti och vill synas här? Hör av er till info@example.org ',
    '',
    ' ',
    '',
  ];
  const interviews: Interview[] = [];
  for (let index = 0; index < options.interviews; index += 1) {
    const campaign = campaigns[index % campaigns.length] as Campaign;
    // Parties are numbered within a campaign, so they are distinct there and shared across.
    const party = partyName(Math.floor(index / campaigns.length));
    const section = writeSection(campaign, party, index);
    lines.push(...section.lines, '', NBSP, '');
    interviews.push(section.interview);
  }
  return {
    text: lines.join('\n'),
    expected: {
      campaigns: campaigns.map((campaign) => ({
        id: slugify(campaign.title),
        title: campaign.title,
        marker: campaign.marker,
      })),
      interviews,
    },
  };
}

function writeSection(
  campaign: Campaign,
  party: string,
  index: number,
): { lines: string[]; interview: Interview } {
  const name = `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(index / 7) % LAST_NAMES.length]}`;
  const role = ROLES[index % ROLES.length] as string;
  const day = 1 + (index % 28);
  const month = Math.floor(index / 28) % 12;
  const year = 2020 + (Math.floor(index / (28 * 12)) % 5);
  const date = `${day} ${MONTHS[month]} ${year}`;
  const publishedOn = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

  const heading =
    index % 10 === 7
      ? `${campaign.marker} ${campaign.title} ${campaign.marker}`
      : `${campaign.title} `;
  const introLines =
    index % 15 === 8
      ? [
          `Vi träffade ${name} (${role}) den 3 juni 2019, och ett utdrag av samtalet publicerades på vår Instagram ${date}.`,
        ]
      : [
          `Vi intervjuade ${name} (${role}) som fick svara på frågor om våld mot tjejer. Ett utdrag av intervjun publicerades på vår Instagram ${date}.`,
        ];
  // An intro over two lines is read as one.
  if (index % 12 === 6) introLines.push('Här på vår hemsida kan du ta del av hela intervjun.');

  const lines = [heading, '', ...introLines.flatMap((line) => [line, ''])];
  const qa: Qa[] = campaign.questions(party).map((question, number) => {
    const written = writeQa(campaign.marker, party, question, number, index);
    lines.push(...written.lines);
    return { id: `q${number + 1}`, question: written.question, answer: written.answer };
  });

  return {
    lines,
    interview: {
      id: `${slugify(campaign.title)}/${slugify(party)}`,
      campaign: slugify(campaign.title),
      party,
      interviewee: { name, role },
      publishedOn,
      intro: introLines.join(' '),
      qa,
    },
  };
}

/** One question and its answer, as the page writes them and as the importer must read them. */
function writeQa(
  marker: string,
  party: string,
  question: string,
  number: number,
  index: number,
): { lines: string[]; question: string; answer: AnswerBlock[] } {
  const paragraph = `${party} vill att kommunen tar frågan på allvar. Vi har drivit den i många år, och vi fortsätter.`;
  const answer: AnswerBlock[] = [paragraph];
  const lines: string[] = [];
  let asked = question;

  if (number === 0 && index % 5 === 1) {
    // Glued to its answer, without a space after the marker.
    lines.push(`${marker}${question}${paragraph}`, '');
  } else if (number === 3 && index % 7 === 2 && index > 0) {
    // Without its marker, as the real page once does; the other interviews ask it marked.
    lines.push(`${question} `, '', paragraph, '');
  } else if (number === 4 && index % 9 === 4) {
    lines.push(marker, `${question}`, '', paragraph, '');
  } else if (number === 5 && index % 6 === 3) {
    asked = question.replace(` ${party}`, `${NBSP}${party}`);
    lines.push(`${marker} ${asked}  `, '', paragraph, '');
  } else {
    lines.push(`${marker} ${question}`, '', paragraph, '');
  }

  if (number === 1 && index % 4 === 0) {
    answer.push('Det här vill vi se:', {
      list: ['Fler kuratorer i skolan.', 'Trygga vägar hem:', 'Belysning och öppna lokaler.'],
    });
    lines.push(
      'Det här vill  vi se:',
      '',
      ' • Fler kuratorer i skolan.',
      ' • Trygga vägar hem: ',
      '•Belysning och öppna lokaler.',
      '',
    );
  }
  if (number === 2 && index % 8 === 5) {
    const more = 'Mycket. Vem ska annars ta ansvar? Det är kommunens uppgift att samordna arbetet.';
    answer.push(more);
    lines.push(more, '');
  }
  return { lines, question: asked, answer };
}
