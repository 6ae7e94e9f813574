import { fieldChanges } from '../writes/change-log';
import { namedWrites } from '../writes/named';
import { rejectAll } from '../writes/user-error';
import { Checks } from '../writes/validate';
import { created, openEntity } from '../writes/versions';
import { Write } from '../writes/write';

const FEED_FIELDS = ['name', 'slug'] as const;

/**
 * The writes of genres. A genre's name is unique (TAKEN otherwise, case and accents aside): films
 * name their genres by slug, and a second "Action" as action-2 would only split the catalogue.
 */
export const genreWrites = {
  async create(write: Write, input: { name: string }): Promise<string> {
    const checks = new Checks();
    checks.name('name', input.name, 'name');
    rejectAll(checks.errors);
    const { id, name, slug } = await namedWrites.insert(write, 'Genre', input.name, {}, created(write.by), true);
    write.record({ operation: 'CREATE', entityType: 'Genre', entityId: id, fields: fieldChanges(null, { name, slug }, FEED_FIELDS) });
    return id;
  },

  /** Renames the genre; its old slug keeps leading to it, in look-ups and in films' `genres` input alike. */
  async update(write: Write, input: { id: string; expectedVersion?: number | null; name?: string | null }): Promise<string> {
    const stored = await openEntity(write, 'Genre', input, () => {
      const checks = new Checks();
      checks.name('name', input.name, 'name');
      rejectAll(checks.errors);
    });
    const before = { name: stored.name, slug: stored.slug };
    const after = await namedWrites.rename(write, 'Genre', input.id, stored, input.name ?? undefined, true);
    write.record({ operation: 'UPDATE', entityType: 'Genre', entityId: input.id, fields: fieldChanges(before, { ...after }, FEED_FIELDS) });
    return input.id;
  },

  /** Deletes the genre; its films lose it, each a write to the film, recorded with its genres before and after. */
  async remove(write: Write, input: { id: string; expectedVersion?: number | null }): Promise<string> {
    const stored = await openEntity(write, 'Genre', input);
    const films = await write.tx.run<{ id: string; before: string[] }>(
      `MATCH (f:Film)-[link:IN_GENRE]->(:Genre {id: $id})
       WITH f, link, COLLECT { MATCH (f)-[:IN_GENRE]->(g:Genre) RETURN g.slug } AS before
       SET f.version = coalesce(f.version, 1) + 1, f.updatedAt = $at, f.updatedBy = $actor
       DELETE link
       RETURN f.id AS id, before ORDER BY id`,
      { id: input.id, at: write.by.at, actor: write.by.actor },
    );
    await namedWrites.remove(write, 'Genre', input.id);
    write.record({ operation: 'DELETE', entityType: 'Genre', entityId: input.id, fields: fieldChanges({ name: stored.name, slug: stored.slug }, null, FEED_FIELDS) });
    for (const film of films) {
      const before = [...film.before].sort();
      write.record({ operation: 'UPDATE', entityType: 'Film', entityId: film.id, fields: [{ field: 'genres', before, after: before.filter((slug) => slug !== stored.slug) }] });
    }
    return input.id;
  },
};
