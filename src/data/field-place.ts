import type { FieldPath } from '../issue.js';

/**
 * Where in an interview a field is, as a communicator says it: `qa[2].answer[1].list[0]` is
 * "q3, svaret: stycke 2, punkt 1". The Q&A is named by its id (the studio shows ids beside each
 * question), given with the path: the path's index may be the data's or the page's. A path it
 * does not know is written as the data writes it.
 */
export function fieldPlaceInSwedish(path: FieldPath, qaId?: string): string {
  const [head, ...rest] = path;
  if (head === 'qa' && typeof rest[0] === 'number') {
    const qa = qaId ?? `fråga ${rest[0] + 1}`;
    const [field, block, list, item] = rest.slice(1);
    if (field === undefined) return qa;
    if (field === 'question') return `${qa}, frågan`;
    if (field === 'id') return `${qa}, id`;
    if (field === 'answer') {
      if (typeof block !== 'number') return `${qa}, svaret`;
      const paragraph = `${qa}, svaret: stycke ${block + 1}`;
      return list === 'list' && typeof item === 'number'
        ? `${paragraph}, punkt ${item + 1}`
        : paragraph;
    }
  }
  const named: Record<string, string> = {
    'interviewee.name': 'namnet',
    'interviewee.role': 'rollen',
    intro: 'inledningen',
    party: 'partiet',
    publishedOn: 'datumet',
    campaign: 'kampanjen',
    id: 'id',
  };
  const key = path.join('.');
  return named[key] ?? key;
}
