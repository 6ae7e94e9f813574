import { AUDIT_ENTRIES, AUDIT_READS, EntityProperties, projectionOf, Reading } from './projection';
import { fold } from './slug';

/**
 * A person as stored: name, birthYear, deathYear, professions, the external ids, and
 * sortName and folded (the name folded: name order, substring filters, mentions). Their
 * `popularity` is not among these: it follows from their credits and is set by
 * `personPopularityOf` (model/popularity.ts) wherever those change.
 */
export interface PersonValues {
  slug: string;
  name: string;
  birthYear?: number | null;
  deathYear?: number | null;
  professions?: readonly string[];
  imdbId?: string | null;
  tmdbId?: string | null;
  wikidataId?: string | null;
}

export function storedPerson(person: PersonValues): Record<string, unknown> {
  return {
    slug: person.slug,
    name: person.name,
    sortName: fold(person.name),
    folded: fold(person.name),
    birthYear: person.birthYear ?? null,
    deathYear: person.deathYear ?? null,
    professions: person.professions ?? [],
    imdbId: person.imdbId ?? null,
    tmdbId: person.tmdbId ?? null,
    wikidataId: person.wikidataId ?? null,
  };
}

/** What a Person read carries, and what each of its GraphQL fields reads (see EntityProperties). */
export const PERSON_PROPERTIES: EntityProperties = {
  entries: {
    id: '.id',
    slug: '.slug',
    name: '.name',
    birthYear: '.birthYear',
    deathYear: '.deathYear',
    professions: 'professions: coalesce(%.professions, [])',
    imdbId: '.imdbId',
    tmdbId: '.tmdbId',
    wikidataId: '.wikidataId',
    popularity: 'popularity: coalesce(%.popularity, 0)',

    ...AUDIT_ENTRIES,
  },
  reads: {
    __typename: [],
    id: ['id'],
    slug: ['slug'],
    name: ['name'],
    birthYear: ['birthYear'],
    deathYear: ['deathYear'],
    professions: ['professions'],
    externalIds: ['imdbId', 'tmdbId', 'wikidataId'],
    popularity: ['popularity'],
    // Resolved through loaders and services keyed by the person's id.
    roles: [],
    collaborators: [],
    franchises: [],
    mentionedIn: [],

    history: [],
    ...AUDIT_READS,
  },
};

/** The Person projection for the variable `name`, as far as `reading` says. */
export function personProjection(name: string, reading: Reading = 'all'): string {
  return projectionOf(PERSON_PROPERTIES, name, reading);
}
