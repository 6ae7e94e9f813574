import { FranchiseEntryKindName, RoleKindName } from '../model/roles';

/**
 * What the write path takes: one shape per entity, shared by the native JSON format and the IMDb
 * importer. `ref` is a document-local name other records point at; ids, slugs and external ids
 * decide whether a record updates a stored entity or adds a new one.
 */

export interface ExternalIdsRecord {
  imdb?: string | null;
  tmdb?: string | null;
  wikidata?: string | null;
}

export interface AggregateRatingRecord {
  source: string;
  value: number;
  scale: number;
  votes?: number | null;
}

export interface GenreRecord {
  ref: string;
  id?: string;
  slug?: string;
  name: string;
}

export interface FranchiseRecord {
  ref: string;
  id?: string;
  slug?: string;
  name: string;
  description?: string | null;
  /** ref of the larger franchise this one sits in */
  parent?: string | null;
}

export interface FranchiseEntryRecord {
  franchise: string;
  kind: FranchiseEntryKindName;
  chronologicalOrder?: number | null;
}

export interface AlternativeTitleRecord {
  title: string;
  region?: string | null;
  language?: string | null;
  types?: string[];
}

export interface FilmRecord {
  ref: string;
  id?: string;
  slug?: string;
  title: string;
  originalTitle?: string | null;
  alternativeTitles?: string[];
  /** Alternative titles as IMDb's title.akas gives them; their titles are alternative titles too. */
  akas?: AlternativeTitleRecord[];
  releaseDate?: string | null;
  year?: number | null;
  runtimeMinutes?: number | null;
  overview?: string | null;
  externalIds?: ExternalIdsRecord;
  /** refs of genres */
  genres?: string[];
  franchises?: FranchiseEntryRecord[];
  ratings?: AggregateRatingRecord[];
}

export interface PersonRecord {
  ref: string;
  id?: string;
  slug?: string;
  name: string;
  birthYear?: number | null;
  deathYear?: number | null;
  professions?: string[];
  externalIds?: ExternalIdsRecord;
}

export interface CharacterRecord {
  ref: string;
  id?: string;
  slug?: string;
  name: string;
  franchise?: string | null;
}

export interface RoleRecord {
  id?: string;
  person: string;
  film: string;
  kind: RoleKindName;
  /** The first job; with `jobs` it must be their first. A record with `job` alone holds that one job. */
  job?: string | null;
  /** Every job of the role (model/role.ts); when absent, `job` alone. */
  jobs?: string[];
  characters?: string[];
  /** ref of the recurring character played */
  character?: string | null;
  billingOrder?: number | null;
  credited?: boolean;
}

export interface ReviewRecord {
  ref?: string;
  id?: string;
  film: string;
  publication?: string | null;
  author?: string | null;
  url?: string | null;
  publishedOn?: string | null;
  rating?: number | null;
  ratingScale?: number | null;
  headline?: string | null;
  body?: string | null;
}

/** The native JSON document: the seed's format, the importer's and the exporter's. */
export interface GraphDocument {
  format: 'reelgraph';
  version: 1;
  genres?: GenreRecord[];
  franchises?: FranchiseRecord[];
  films?: FilmRecord[];
  people?: PersonRecord[];
  characters?: CharacterRecord[];
  roles?: RoleRecord[];
  reviews?: ReviewRecord[];
}
