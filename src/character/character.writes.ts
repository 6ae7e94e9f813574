import { fieldChanges } from '../writes/change-log';
import { namedWrites } from '../writes/named';
import { rejectAll } from '../writes/user-error';
import { Checks } from '../writes/validate';
import { created, openEntity } from '../writes/versions';
import { Write } from '../writes/write';

/** What a writer may set on a character; a field left out (undefined) is left as it is, null clears it. */
export interface CharacterChanges {
  name?: string | null;
  /** The franchise the character belongs to; null for none. */
  franchise?: string | null;
}

const FEED_FIELDS = ['name', 'slug', 'franchise'] as const;

function checkCharacter(changes: CharacterChanges, creating: boolean): void {
  const checks = new Checks();
  if (creating || changes.name !== undefined) checks.name('name', changes.name ?? null, 'name');
  checks.id(['franchise'], changes.franchise, 'Franchise');
  rejectAll(checks.errors);
}

async function franchiseOf(write: Write, id: string): Promise<string | null> {
  const [row] = await write.tx.run<{ franchise: string | null }>(`OPTIONAL MATCH (:Character {id: $id})-[:FROM_FRANCHISE]->(f:Franchise) RETURN f.id AS franchise`, { id });
  return row?.franchise ?? null;
}

/** Replaces the character's FROM_FRANCHISE link with one to `franchise` (none when null). */
async function storeFranchise(write: Write, id: string, franchise: string | null): Promise<void> {
  await write.tx.run(
    `MATCH (c:Character {id: $id})
     OPTIONAL MATCH (c)-[old:FROM_FRANCHISE]->()
     DELETE old
     WITH DISTINCT c WHERE $franchise IS NOT NULL
     MATCH (f:Franchise {id: $franchise})
     MERGE (c)-[:FROM_FRANCHISE]->(f)`,
    { id, franchise },
  );
}

/** The writes of recurring characters. Roles link to one through addCredit and updateCredit (`character`). */
export const characterWrites = {
  async create(write: Write, input: CharacterChanges & { name: string }): Promise<string> {
    checkCharacter(input, true);
    const franchise = input.franchise ?? null;
    if (franchise) await namedWrites.mustExist(write, 'Franchise', franchise, 'franchise');
    const { id, name, slug } = await namedWrites.insert(write, 'Character', input.name, {}, created(write.by));
    await storeFranchise(write, id, franchise);
    write.record({ operation: 'CREATE', entityType: 'Character', entityId: id, fields: fieldChanges(null, { name, slug, franchise }, FEED_FIELDS) });
    return id;
  },

  async update(write: Write, input: CharacterChanges & { id: string; expectedVersion?: number | null }): Promise<string> {
    const { id, expectedVersion, ...changes } = input;
    const stored = await openEntity(write, 'Character', input, () => checkCharacter(changes, false));
    const before = { name: stored.name, slug: stored.slug, franchise: await franchiseOf(write, id) };
    if (changes.franchise && changes.franchise !== before.franchise) await namedWrites.mustExist(write, 'Franchise', changes.franchise, 'franchise');
    const naming = await namedWrites.rename(write, 'Character', id, stored, changes.name ?? undefined);
    const after = { ...naming, franchise: changes.franchise === undefined ? before.franchise : changes.franchise };
    if (after.franchise !== before.franchise) await storeFranchise(write, id, after.franchise);
    write.record({ operation: 'UPDATE', entityType: 'Character', entityId: id, fields: fieldChanges(before, after, FEED_FIELDS) });
    return id;
  },

  /** Deletes the character; the roles that played it keep their credited character names but link to it no more. */
  async remove(write: Write, input: { id: string; expectedVersion?: number | null }): Promise<string> {
    const stored = await openEntity(write, 'Character', input);
    const before = { name: stored.name, slug: stored.slug, franchise: await franchiseOf(write, input.id) };
    const roles = await write.tx.run<{ id: string }>(
      `MATCH (r:Role)-[plays:PLAYS]->(:Character {id: $id})
       SET r.version = coalesce(r.version, 1) + 1, r.updatedAt = $at, r.updatedBy = $actor
       DELETE plays
       RETURN r.id AS id ORDER BY id`,
      { id: input.id, at: write.by.at, actor: write.by.actor },
    );
    await namedWrites.remove(write, 'Character', input.id);
    write.record({ operation: 'DELETE', entityType: 'Character', entityId: input.id, fields: fieldChanges(before, null, FEED_FIELDS) });
    for (const role of roles) write.record({ operation: 'UPDATE', entityType: 'Role', entityId: role.id, fields: [{ field: 'character', before: input.id, after: null }] });
    return input.id;
  },
};
