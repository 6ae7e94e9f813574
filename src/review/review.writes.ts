import { linkMentions } from '../mentions/mention.linker';
import { newId } from '../model/ids';
import { fieldChanges } from '../writes/change-log';
import { claimKey, settleKey } from '../writes/idempotency';
import { reject, rejectAll } from '../writes/user-error';
import { Checks, MAX_NAME_LENGTH } from '../writes/validate';
import { created, openEntity } from '../writes/versions';
import { Write } from '../writes/write';

export interface ReviewChanges {
  body?: string | null;
  headline?: string | null;
  publication?: string | null;
  author?: string | null;
  url?: string | null;
  publishedOn?: string | null;
  rating?: number | null;
  ratingScale?: number | null;
}

const FEED_FIELDS = ['film', 'headline', 'body', 'publication', 'author', 'url', 'publishedOn', 'rating', 'ratingScale'] as const;

interface ReviewState {
  film: string;
  body: string;
  headline: string | null;
  publication: string | null;
  author: string | null;
  url: string | null;
  publishedOn: string | null;
  rating: number | null;
  ratingScale: number | null;
}

function checkReview(changes: ReviewChanges, creating: boolean): void {
  const checks = new Checks();
  if (creating || changes.body !== undefined) {
    if (!changes.body || changes.body.trim() === '') checks.fail(['body'], 'body must not be empty');
    else checks.text('body', changes.body, 'body');
  }
  checks.text('headline', changes.headline, 'headline', MAX_NAME_LENGTH);
  checks.text('publication', changes.publication, 'publication', MAX_NAME_LENGTH);
  checks.text('author', changes.author, 'author', MAX_NAME_LENGTH);
  checks.url('url', changes.url);
  checks.date('publishedOn', changes.publishedOn);
  if (changes.ratingScale !== undefined && changes.ratingScale !== null && !(changes.ratingScale > 0)) {
    checks.fail(['ratingScale'], `ratingScale must be above 0; got ${changes.ratingScale}`);
  }
  rejectAll(checks.errors);
}

/** A rating lies within its scale; a rating without a scale says nothing. */
function checkRating(state: ReviewState): void {
  if (state.rating === null) return;
  if (state.ratingScale === null) reject('INVALID', ['ratingScale'], `A rating of ${state.rating} needs its ratingScale (the best possible rating, e.g. 10)`);
  if (state.rating < 0 || state.rating > state.ratingScale!) reject('INVALID', ['rating'], `rating must be from 0 to its ratingScale ${state.ratingScale}; got ${state.rating}`);
}

/**
 * What makes a review the same review again (stored as `key`, unique): its film, publication,
 * author and address, as imports match them; a review with none of those is only itself.
 */
function keyOf(id: string, state: ReviewState): string {
  if (!state.publication && !state.author && !state.url) return `${state.film}|${id}`;
  return [state.film, state.publication ?? '', state.author ?? '', state.url ?? ''].join('|');
}

async function storeReview(write: Write, id: string, state: ReviewState, audit: Record<string, unknown>): Promise<void> {
  const key = keyOf(id, state);
  const [other] = await write.tx.run<{ id: string }>(`MATCH (r:Review {key: $key}) WHERE r.id <> $id RETURN r.id AS id`, { key, id });
  if (other) reject('CONFLICT', ['url'], `This film already has that review from this publication and author (${other.id}); update that one instead`);
  const { film, publishedOn, ...props } = state;
  await write.tx.run(
    `MATCH (f:Film {id: $film})
     MERGE (r:Review {id: $id})
     SET r += $props, r += $audit, r.key = $key, r.publishedOn = CASE WHEN $publishedOn IS NULL THEN null ELSE date($publishedOn) END
     MERGE (r)-[:REVIEWS]->(f)`,
    { id, film, props, audit, key, publishedOn },
  );
  // A review and what its text names are one: linked in the same transaction.
  await linkMentions(write.tx, [id]);
}

export const reviewWrites = {
  async submit(write: Write, input: ReviewChanges & { film: string; body: string; idempotencyKey?: string | null }): Promise<string | null> {
    const { idempotencyKey, ...changes } = input;
    const checks = new Checks();
    checks.id(['film'], input.film, 'Film');
    rejectAll(checks.errors);
    checkReview(changes, true);
    if (idempotencyKey) {
      const claim = await claimKey(write, 'submitReview', idempotencyKey, changes);
      if (!claim.first) return claim.entityId;
    }
    const [film] = await write.tx.run(`MATCH (f:Film {id: $id}) RETURN f.id AS id`, { id: input.film });
    if (!film) reject('NOT_FOUND', ['film'], `No film has the id "${input.film}"`);
    const state: ReviewState = {
      film: input.film,
      body: input.body,
      headline: changes.headline ?? null,
      publication: changes.publication ?? null,
      author: changes.author ?? null,
      url: changes.url ?? null,
      publishedOn: changes.publishedOn ?? null,
      rating: changes.rating ?? null,
      ratingScale: changes.ratingScale ?? null,
    };
    checkRating(state);
    const id = newId('Review');
    await storeReview(write, id, state, created(write.by));
    write.record({ operation: 'CREATE', entityType: 'Review', entityId: id, fields: fieldChanges(null, { ...state }, FEED_FIELDS) });
    if (idempotencyKey) await settleKey(write, 'submitReview', idempotencyKey, id);
    return id;
  },

  async update(write: Write, input: ReviewChanges & { id: string; expectedVersion?: number | null }): Promise<string> {
    const { id, expectedVersion, ...changes } = input;
    const stored = await openEntity(write, 'Review', input, () => checkReview(changes, false));
    const [row] = await write.tx.run<{ film: string }>(`MATCH (:Review {id: $id})-[:REVIEWS]->(f:Film) RETURN f.id AS film`, { id });
    const before: ReviewState = {
      film: row.film,
      body: stored.body,
      headline: stored.headline ?? null,
      publication: stored.publication ?? null,
      author: stored.author ?? null,
      url: stored.url ?? null,
      publishedOn: stored.publishedOn ?? null,
      rating: stored.rating ?? null,
      ratingScale: stored.ratingScale ?? null,
    };
    const after: ReviewState = { ...before };
    for (const field of Object.keys(changes) as (keyof ReviewChanges)[]) (after as any)[field] = changes[field] ?? null;
    after.body = changes.body ?? before.body;
    checkRating(after);
    await storeReview(write, id, after, {});
    write.record({ operation: 'UPDATE', entityType: 'Review', entityId: id, fields: fieldChanges({ ...before }, { ...after }, FEED_FIELDS) });
    return id;
  },

  async remove(write: Write, input: { id: string; expectedVersion?: number | null }): Promise<string> {
    const stored = await openEntity(write, 'Review', input);
    const [row] = await write.tx.run<{ film: string | null }>(
      `MATCH (r:Review {id: $id}) OPTIONAL MATCH (r)-[:REVIEWS]->(f:Film) WITH r, f.id AS film DETACH DELETE r RETURN film`,
      { id: input.id },
    );
    write.record({ operation: 'DELETE', entityType: 'Review', entityId: input.id, fields: fieldChanges({ ...stored, film: row?.film ?? null }, null, FEED_FIELDS) });
    return input.id;
  },
};
