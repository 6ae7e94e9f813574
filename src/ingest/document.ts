import { isIsoDate } from '../model/dates';
import { FRANCHISE_ENTRY_KINDS, ROLE_KINDS } from '../model/roles';
import { GraphDocument } from './records';

/** Every problem found in a document, each with the JSON path that has it. */
export class DocumentError extends Error {
  constructor(readonly problems: string[]) {
    super(`The document is not valid Reelgraph JSON (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ${problems.slice(0, 50).join('\n  ')}`);
  }
}

type Shape = Record<string, FieldRule>;
type FieldRule = { type: 'string' | 'number' | 'integer' | 'boolean' | 'strings' | 'date' | 'object' | 'array'; required?: boolean; oneOf?: readonly string[] };

const EXTERNAL_IDS: Shape = { imdb: { type: 'string' }, tmdb: { type: 'string' }, wikidata: { type: 'string' } };
const ENTITY = { ref: { type: 'string', required: true }, id: { type: 'string' }, slug: { type: 'string' } } as const;

const SHAPES: Record<string, Shape> = {
  genres: { ...ENTITY, name: { type: 'string', required: true } },
  franchises: { ...ENTITY, name: { type: 'string', required: true }, description: { type: 'string' }, parent: { type: 'string' } },
  films: {
    ...ENTITY,
    title: { type: 'string', required: true },
    originalTitle: { type: 'string' },
    alternativeTitles: { type: 'strings' },
    akas: { type: 'array' },
    releaseDate: { type: 'date' },
    year: { type: 'integer' },
    runtimeMinutes: { type: 'integer' },
    overview: { type: 'string' },
    externalIds: { type: 'object' },
    genres: { type: 'strings' },
    franchises: { type: 'array' },
    ratings: { type: 'array' },
  },
  people: {
    ...ENTITY,
    name: { type: 'string', required: true },
    birthYear: { type: 'integer' },
    deathYear: { type: 'integer' },
    professions: { type: 'strings' },
    externalIds: { type: 'object' },
  },
  characters: { ...ENTITY, name: { type: 'string', required: true }, franchise: { type: 'string' } },
  roles: {
    id: { type: 'string' },
    person: { type: 'string', required: true },
    film: { type: 'string', required: true },
    kind: { type: 'string', required: true, oneOf: ROLE_KINDS },
    job: { type: 'string' },
    jobs: { type: 'strings' },
    characters: { type: 'strings' },
    character: { type: 'string' },
    billingOrder: { type: 'integer' },
    credited: { type: 'boolean' },
  },
  reviews: {
    ref: { type: 'string' },
    id: { type: 'string' },
    film: { type: 'string', required: true },
    publication: { type: 'string' },
    author: { type: 'string' },
    url: { type: 'string' },
    publishedOn: { type: 'date' },
    rating: { type: 'number' },
    ratingScale: { type: 'number' },
    headline: { type: 'string' },
    body: { type: 'string' },
  },
};
const FRANCHISE_ENTRY: Shape = {
  franchise: { type: 'string', required: true },
  kind: { type: 'string', required: true, oneOf: FRANCHISE_ENTRY_KINDS },
  chronologicalOrder: { type: 'integer' },
};
const AKA: Shape = {
  title: { type: 'string', required: true },
  region: { type: 'string' },
  language: { type: 'string' },
  types: { type: 'strings' },
};
const RATING: Shape = {
  source: { type: 'string', required: true },
  value: { type: 'number', required: true },
  scale: { type: 'number', required: true },
  votes: { type: 'integer' },
};

export const SECTIONS = ['genres', 'franchises', 'films', 'people', 'characters', 'roles', 'reviews'] as const;

/**
 * Checks a whole document before anything is written, so a bad document changes nothing: field
 * types, enum values, and that every ref points at an entity the document defines.
 */
export function parseDocument(text: string): GraphDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DocumentError([`not JSON: ${(error as Error).message}`]);
  }
  const problems: string[] = [];
  if (!isObject(raw)) throw new DocumentError(['the document must be a JSON object']);
  if (raw.format !== 'reelgraph') problems.push(`format: must be "reelgraph", got ${JSON.stringify(raw.format)}`);
  if (raw.version !== 1) problems.push(`version: must be 1, got ${JSON.stringify(raw.version)}`);
  for (const key of Object.keys(raw)) {
    if (key !== 'format' && key !== 'version' && !(SECTIONS as readonly string[]).includes(key)) {
      problems.push(`${key}: not a section of the format (expected one of ${SECTIONS.join(', ')})`);
    }
  }
  const refs: Record<string, Set<string>> = {};
  for (const section of SECTIONS) {
    refs[section] = new Set();
    const list = raw[section];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push(`${section}: must be an array`);
      continue;
    }
    list.forEach((item, i) => {
      const where = `${section}[${i}]`;
      checkShape(item, SHAPES[section], where, problems);
      if (isObject(item) && typeof item.ref === 'string') {
        if (refs[section].has(item.ref)) problems.push(`${where}.ref: "${item.ref}" is defined twice in ${section}`);
        refs[section].add(item.ref);
      }
    });
  }
  const doc = raw as unknown as GraphDocument;
  const mustExist = (section: string, ref: unknown, where: string) => {
    if (typeof ref === 'string' && !refs[section].has(ref)) problems.push(`${where}: "${ref}" is not a ref in ${section}`);
  };
  doc.franchises?.forEach((f, i) => mustExist('franchises', f.parent, `franchises[${i}].parent`));
  doc.films?.forEach((f, i) => {
    if (!isObject(f)) return;
    if (isObject(f.externalIds)) checkShape(f.externalIds, EXTERNAL_IDS, `films[${i}].externalIds`, problems);
    (Array.isArray(f.genres) ? f.genres : []).forEach((g, j) => mustExist('genres', g, `films[${i}].genres[${j}]`));
    (Array.isArray(f.franchises) ? f.franchises : []).forEach((e, j) => {
      checkShape(e, FRANCHISE_ENTRY, `films[${i}].franchises[${j}]`, problems);
      if (isObject(e)) mustExist('franchises', e.franchise, `films[${i}].franchises[${j}].franchise`);
    });
    (Array.isArray(f.ratings) ? f.ratings : []).forEach((r, j) => checkShape(r, RATING, `films[${i}].ratings[${j}]`, problems));
    (Array.isArray(f.akas) ? f.akas : []).forEach((a, j) => checkShape(a, AKA, `films[${i}].akas[${j}]`, problems));
  });
  doc.people?.forEach((p, i) => {
    if (isObject(p) && isObject(p.externalIds)) checkShape(p.externalIds, EXTERNAL_IDS, `people[${i}].externalIds`, problems);
  });
  doc.characters?.forEach((c, i) => mustExist('franchises', c.franchise, `characters[${i}].franchise`));
  doc.roles?.forEach((r, i) => {
    if (!isObject(r)) return;
    mustExist('people', r.person, `roles[${i}].person`);
    mustExist('films', r.film, `roles[${i}].film`);
    mustExist('characters', r.character, `roles[${i}].character`);
    if (Array.isArray(r.jobs) && r.jobs.length > 0 && typeof r.job === 'string' && r.job !== r.jobs[0]) {
      problems.push(`roles[${i}].job: must be the first of jobs (${JSON.stringify(r.jobs[0])}), got ${JSON.stringify(r.job)}`);
    }
  });
  doc.reviews?.forEach((r, i) => mustExist('films', r.film, `reviews[${i}].film`));
  if (problems.length > 0) throw new DocumentError(problems);
  return doc;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkShape(item: unknown, shape: Shape, where: string, problems: string[]): void {
  if (!isObject(item)) {
    problems.push(`${where}: must be an object`);
    return;
  }
  for (const [field, rule] of Object.entries(shape)) {
    const value = item[field];
    if (value === undefined || value === null) {
      if (rule.required) problems.push(`${where}.${field}: required`);
      continue;
    }
    const bad = (expected: string) => problems.push(`${where}.${field}: must be ${expected}, got ${JSON.stringify(value)}`);
    switch (rule.type) {
      case 'string':
        if (typeof value !== 'string' || (rule.required && value.trim() === '')) bad('a non-empty string');
        else if (rule.oneOf && !rule.oneOf.includes(value)) bad(`one of ${rule.oneOf.join(', ')}`);
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) bad('a number');
        break;
      case 'integer':
        if (!Number.isSafeInteger(value)) bad('a whole number');
        break;
      case 'boolean':
        if (typeof value !== 'boolean') bad('true or false');
        break;
      case 'strings':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) bad('an array of strings');
        break;
      case 'date':
        if (typeof value !== 'string' || !isIsoDate(value)) bad('an ISO date (YYYY-MM-DD)');
        break;
      case 'object':
        if (!isObject(value)) bad('an object');
        break;
      case 'array':
        if (!Array.isArray(value)) bad('an array');
        break;
    }
  }
  for (const field of Object.keys(item)) {
    if (!(field in shape)) problems.push(`${where}.${field}: not a field of this record`);
  }
}
