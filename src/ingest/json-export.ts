import { Database } from '../db/database';
import { jobsExpression } from '../model/role';
import { SECTIONS } from './document';

const PAGE = 5_000;

/**
 * One query per section, each returning records in the native format with ids as refs, so
 * export → wipe → import → export gives the same document. Ordered by id for a stable output.
 */
const SECTION_QUERIES: Record<(typeof SECTIONS)[number], string> = {
  genres: `MATCH (g:Genre) WHERE g.id > $after
    RETURN g.id AS id, {ref: g.id, id: g.id, slug: g.slug, name: g.name} AS record ORDER BY id LIMIT $limit`,
  franchises: `MATCH (f:Franchise) WHERE f.id > $after
    OPTIONAL MATCH (f)-[:PART_OF]->(p:Franchise)
    RETURN f.id AS id, {ref: f.id, id: f.id, slug: f.slug, name: f.name, description: f.description, parent: p.id} AS record
    ORDER BY id LIMIT $limit`,
  films: `MATCH (f:Film) WHERE f.id > $after
    WITH f ORDER BY f.id LIMIT $limit
    CALL (f) { OPTIONAL MATCH (f)-[:IN_GENRE]->(g:Genre) WITH g ORDER BY g.id RETURN collect(g.id) AS genres }
    CALL (f) {
      OPTIONAL MATCH (f)-[e:IN_FRANCHISE]->(fr:Franchise) WITH e, fr ORDER BY fr.id
      RETURN collect(CASE WHEN fr IS NULL THEN null ELSE {franchise: fr.id, kind: e.kind, chronologicalOrder: e.chronologicalOrder} END) AS franchises
    }
    RETURN f.id AS id, {
      ref: f.id, id: f.id, slug: f.slug, title: f.title, originalTitle: f.originalTitle,
      alternativeTitles: coalesce(f.alternativeTitles, []),
      akas: [i IN range(0, size(coalesce(f.akaTitles, [])) - 1) |
        {title: f.akaTitles[i], region: CASE WHEN f.akaRegions[i] = '' THEN null ELSE f.akaRegions[i] END,
         language: CASE WHEN f.akaLanguages[i] = '' THEN null ELSE f.akaLanguages[i] END,
         types: CASE WHEN f.akaTypes[i] = '' THEN [] ELSE split(f.akaTypes[i], ',') END}],
      releaseDate: toString(f.releaseDate), year: f.year,
      runtimeMinutes: f.runtimeMinutes, overview: f.overview,
      externalIds: {imdb: f.imdbId, tmdb: f.tmdbId, wikidata: f.wikidataId},
      genres: genres, franchises: franchises,
      ratings: [i IN range(0, size(coalesce(f.ratingSources, [])) - 1) |
        {source: f.ratingSources[i], value: f.ratingValues[i], scale: f.ratingScales[i],
         votes: CASE WHEN f.ratingVotes[i] < 0 THEN null ELSE f.ratingVotes[i] END}]
    } AS record`,
  people: `MATCH (p:Person) WHERE p.id > $after
    RETURN p.id AS id, {ref: p.id, id: p.id, slug: p.slug, name: p.name, birthYear: p.birthYear,
      deathYear: p.deathYear, professions: coalesce(p.professions, []),
      externalIds: {imdb: p.imdbId, tmdb: p.tmdbId, wikidata: p.wikidataId}} AS record
    ORDER BY id LIMIT $limit`,
  characters: `MATCH (c:Character) WHERE c.id > $after
    OPTIONAL MATCH (c)-[:FROM_FRANCHISE]->(f:Franchise)
    RETURN c.id AS id, {ref: c.id, id: c.id, slug: c.slug, name: c.name, franchise: f.id} AS record
    ORDER BY id LIMIT $limit`,
  roles: `MATCH (p:Person)-[:HAS_ROLE]->(r:Role)-[:ON_FILM]->(f:Film) WHERE r.id > $after
    OPTIONAL MATCH (r)-[:PLAYS]->(c:Character)
    RETURN r.id AS id, {id: r.id, person: p.id, film: f.id, kind: r.kind, job: r.job, jobs: ${jobsExpression('r')}, characters: coalesce(r.characters, []),
      character: c.id, billingOrder: r.billingOrder, credited: r.credited} AS record
    ORDER BY id LIMIT $limit`,
  reviews: `MATCH (r:Review)-[:REVIEWS]->(f:Film) WHERE r.id > $after
    RETURN r.id AS id, {ref: r.id, id: r.id, film: f.id, publication: r.publication, author: r.author, url: r.url,
      publishedOn: toString(r.publishedOn), rating: r.rating, ratingScale: r.ratingScale,
      headline: r.headline, body: r.body} AS record
    ORDER BY id LIMIT $limit`,
};

/** Streams the whole graph as a native document, page by page, so memory stays flat. */
export async function exportDocument(db: Database, write: (chunk: string) => Promise<void> | void): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await write('{\n"format": "reelgraph",\n"version": 1');
  for (const section of SECTIONS) {
    await write(`,\n"${section}": [`);
    let after = '';
    let count = 0;
    for (;;) {
      const rows = await db.read<{ id: string; record: Record<string, unknown> }>(SECTION_QUERIES[section], { after, limit: PAGE });
      for (const row of rows) {
        await write(`${count === 0 ? '\n' : ',\n'}${JSON.stringify(compact(row.record))}`);
        count += 1;
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].id;
    }
    await write(count === 0 ? ']' : '\n]');
    counts[section] = count;
  }
  await write('\n}\n');
  return counts;
}

/** Nulls, empty lists and empty objects are left out: the format treats absent and empty alike. */
function compact(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'object' && !Array.isArray(v)) {
      const inner = compact(v as Record<string, unknown>);
      if (Object.keys(inner).length === 0) continue;
      out[key] = inner;
    } else {
      out[key] = Array.isArray(v) ? v.map((item) => (item && typeof item === 'object' ? compact(item as Record<string, unknown>) : item)) : v;
    }
  }
  return out;
}
