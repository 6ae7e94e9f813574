// Every entity has an opaque id, unique per label (node(id:) relies on it).
CREATE CONSTRAINT film_id IF NOT EXISTS FOR (n:Film) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT role_id IF NOT EXISTS FOR (n:Role) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT franchise_id IF NOT EXISTS FOR (n:Franchise) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT character_id IF NOT EXISTS FOR (n:Character) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT genre_id IF NOT EXISTS FOR (n:Genre) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT review_id IF NOT EXISTS FOR (n:Review) REQUIRE n.id IS UNIQUE;

// Slugs are the human-readable keys, unique per type.
CREATE CONSTRAINT film_slug IF NOT EXISTS FOR (n:Film) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT person_slug IF NOT EXISTS FOR (n:Person) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT franchise_slug IF NOT EXISTS FOR (n:Franchise) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT character_slug IF NOT EXISTS FOR (n:Character) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT genre_slug IF NOT EXISTS FOR (n:Genre) REQUIRE n.slug IS UNIQUE;

// External ids are merge keys for imports: one node per catalogue entry.
CREATE CONSTRAINT film_imdb IF NOT EXISTS FOR (n:Film) REQUIRE n.imdbId IS UNIQUE;
CREATE CONSTRAINT film_tmdb IF NOT EXISTS FOR (n:Film) REQUIRE n.tmdbId IS UNIQUE;
CREATE CONSTRAINT film_wikidata IF NOT EXISTS FOR (n:Film) REQUIRE n.wikidataId IS UNIQUE;
CREATE CONSTRAINT person_imdb IF NOT EXISTS FOR (n:Person) REQUIRE n.imdbId IS UNIQUE;
CREATE CONSTRAINT person_tmdb IF NOT EXISTS FOR (n:Person) REQUIRE n.tmdbId IS UNIQUE;
CREATE CONSTRAINT person_wikidata IF NOT EXISTS FOR (n:Person) REQUIRE n.wikidataId IS UNIQUE;

// A person holds at most one role of a kind on a film: key = person id | film id | kind.
CREATE CONSTRAINT role_key IF NOT EXISTS FOR (n:Role) REQUIRE n.key IS UNIQUE;
// A review is the same review when film, publication, author and address agree.
CREATE CONSTRAINT review_key IF NOT EXISTS FOR (n:Review) REQUIRE n.key IS UNIQUE;

// The one GraphState node (see src/model/graph.ts): MERGE on its key must never make two.
CREATE CONSTRAINT graph_state_key IF NOT EXISTS FOR (n:GraphState) REQUIRE n.key IS UNIQUE;

// The change feed (src/writes/change-log.ts): one entry per sequence number, read by entity too.
CREATE CONSTRAINT change_sequence IF NOT EXISTS FOR (n:Change) REQUIRE n.sequence IS UNIQUE;
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
CREATE RANGE INDEX change_entity IF NOT EXISTS FOR (n:Change) ON (n.entityId, n.sequence);
// Old slugs and merged-away ids keep resolving (src/writes/redirects.ts).
CREATE CONSTRAINT slug_redirect IF NOT EXISTS FOR (n:SlugRedirect) REQUIRE (n.label, n.slug) IS UNIQUE;
CREATE CONSTRAINT id_redirect IF NOT EXISTS FOR (n:IdRedirect) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT idempotency_key IF NOT EXISTS FOR (n:IdempotencyKey) REQUIRE n.key IS UNIQUE;
// API keys (src/auth/api-keys.ts): a key is found by the id its secret carries, and named once.
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.keyId IS UNIQUE;
CREATE CONSTRAINT api_key_name IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.name IS UNIQUE;
