import { newId } from '../model/ids';
import { jobsExpression, jobsOf, joinedJobs, roleKey } from '../model/role';
import { CAST_KINDS, isCast, RoleKindName } from '../model/roles';
import { fieldChanges } from '../writes/change-log';
import { refreshPeople } from '../writes/popularity';
import { reject, rejectAll } from '../writes/user-error';
import { Checks } from '../writes/validate';
import { checkEntityId, created, lockEntity, lockOnly } from '../writes/versions';
import { Write } from '../writes/write';

export interface CreditChanges {
  job?: string | null;
  /** Every job of the credit, first the one shown as `job`; given, it wins over `job`. */
  jobs?: string[] | null;
  characters?: string[] | null;
  character?: string | null;
  billingOrder?: number | null;
  credited?: boolean | null;
}

export interface NewCredit extends CreditChanges {
  film: string;
  person: string;
  kind: RoleKindName;
}

/** A role's fields as the change feed reports them. */
const FEED_FIELDS = ['film', 'person', 'kind', 'job', 'jobs', 'characters', 'character', 'billingOrder', 'credited'] as const;

interface RoleState {
  film: string;
  person: string;
  kind: RoleKindName;
  job: string | null;
  /** Every job; `job` is always the first of them (model/role.ts). */
  jobs: string[];
  characters: string[];
  character: string | null;
  billingOrder: number | null;
  credited: boolean;
}

function checkCredit(changes: CreditChanges, kind: RoleKindName | null): void {
  const checks = new Checks();
  checks.text('job', changes.job, 'job', 300);
  checks.names('jobs', changes.jobs, 'a job');
  if (changes.job && changes.jobs && changes.jobs.length > 0 && changes.jobs[0] !== changes.job) {
    checks.fail(['job'], `job "${changes.job}" is not the first of jobs; give one, or jobs starting with it`);
  }
  checks.names('characters', changes.characters, 'a character name');
  checks.id(['character'], changes.character, 'Character');
  checks.positive('billingOrder', changes.billingOrder, 'billingOrder');
  if (kind && !isCast(kind) && changes.billingOrder !== undefined && changes.billingOrder !== null) {
    checks.fail(['billingOrder'], `billingOrder orders the cast (ACTOR and SELF); a ${kind} role has none`);
  }
  if (changes.credited === null) checks.fail(['credited'], 'credited is true or false; leave it out to keep it');
  rejectAll(checks.errors);
}

async function checkCharacter(write: Write, characterId: string | null | undefined): Promise<void> {
  if (!characterId) return;
  const rows = await write.tx.run(`MATCH (c:Character {id: $id}) RETURN c.id AS id`, { id: characterId });
  if (rows.length === 0) reject('NOT_FOUND', ['character'], `No character has the id "${characterId}"`);
}

/** The highest billing order of the film's cast, 0 for none. */
async function lastBilling(write: Write, filmId: string): Promise<number> {
  const [row] = await write.tx.run<{ last: number | null }>(
    `MATCH (:Film {id: $film})<-[:ON_FILM]-(r:Role) WHERE r.kind IN $cast RETURN max(r.billingOrder) AS last`,
    { film: filmId, cast: CAST_KINDS },
  );
  return row?.last ?? 0;
}

/**
 * Moves the cast members billed from `from` to `upTo` (inclusive; open-ended when null) by `delta`,
 * each a write to that role: its version rises and the feed records its new billing order.
 */
async function shiftCast(write: Write, filmId: string, from: number, upTo: number | null, delta: 1 | -1, except: string): Promise<void> {
  const rows = await write.tx.run<{ id: string; after: number }>(
    `MATCH (:Film {id: $film})<-[:ON_FILM]-(r:Role)
     WHERE r.kind IN $cast AND r.billingOrder >= $from AND ($upTo IS NULL OR r.billingOrder <= $upTo) AND r.id <> $except
     SET r.billingOrder = r.billingOrder + $delta, r.version = coalesce(r.version, 1) + 1, r.updatedAt = $at, r.updatedBy = $actor
     RETURN r.id AS id, r.billingOrder AS after ORDER BY after`,
    { film: filmId, cast: CAST_KINDS, from, upTo, delta, except, at: write.by.at, actor: write.by.actor },
  );
  for (const row of rows) {
    write.record({ operation: 'UPDATE', entityType: 'Role', entityId: row.id, fields: [{ field: 'billingOrder', before: row.after - delta, after: row.after }] });
  }
}

async function storeRole(write: Write, id: string, key: string, state: RoleState, audit: Record<string, unknown>): Promise<void> {
  await write.tx.run(
    `MATCH (p:Person {id: $state.person}), (f:Film {id: $state.film})
     MERGE (r:Role {id: $id})
     SET r += $audit, r.key = $key, r.kind = $state.kind, r.job = $state.job, r.jobs = $state.jobs, r.characters = $state.characters,
         r.billingOrder = $state.billingOrder, r.credited = $state.credited
     MERGE (p)-[:HAS_ROLE]->(r)
     MERGE (r)-[:ON_FILM]->(f)
     WITH r
     OPTIONAL MATCH (r)-[old:PLAYS]->()
     DELETE old
     WITH DISTINCT r WHERE $state.character IS NOT NULL
     MATCH (c:Character {id: $state.character})
     MERGE (r)-[:PLAYS]->(c)`,
    { id, key, state, audit },
  );
  // A credit added (or moved by a merge) counts in its person's prominence.
  await refreshPeople(write.tx, [state.person]);
}

async function roleState(write: Write, roleId: string): Promise<RoleState | null> {
  const [row] = await write.tx.run<{ state: RoleState }>(
    `MATCH (p:Person)-[:HAS_ROLE]->(r:Role {id: $id})-[:ON_FILM]->(f:Film)
     OPTIONAL MATCH (r)-[:PLAYS]->(c:Character)
     RETURN {film: f.id, person: p.id, kind: r.kind, job: r.job, jobs: ${jobsExpression('r')}, characters: coalesce(r.characters, []), character: c.id,
             billingOrder: r.billingOrder, credited: coalesce(r.credited, true)} AS state`,
    { id: roleId },
  );
  return row?.state ?? null;
}

/**
 * The jobs of two roles made one: the first's, then those of the second it lacks
 * (["producer"] and ["executive producer"] give both); `job` stays the first.
 */
function joinJobs(a: RoleState, b: RoleState): Pick<RoleState, 'job' | 'jobs'> {
  const jobs = joinedJobs(a.jobs, b.jobs);
  return { job: jobs[0] ?? null, jobs };
}

/**
 * The writes of credits (roles). A film's cast is renumbered under the film's write lock, taken
 * first, so concurrent changes to one cast queue up instead of deadlocking or doubling a number.
 */
export const creditWrites = {
  async add(write: Write, input: NewCredit): Promise<string> {
    const checks = new Checks();
    checks.id(['film'], input.film, 'Film');
    checks.id(['person'], input.person, 'Person');
    rejectAll(checks.errors);
    checkCredit(input, input.kind);
    const key = roleKey(input.person, input.film, input.kind);
    // One round trip: the film's lock (its cast may be renumbered) and everything to check.
    const [found] = await write.tx.run<{ person: string | null; twin: string | null; character: string | null; last: number | null }>(
      `MATCH (f:Film {id: $film})
       SET f.locked = true REMOVE f.locked
       WITH f
       OPTIONAL MATCH (p:Person {id: $person})
       OPTIONAL MATCH (twin:Role {key: $key})
       OPTIONAL MATCH (c:Character {id: $character})
       CALL (f) { MATCH (f)<-[:ON_FILM]-(r:Role) WHERE r.kind IN $cast RETURN max(r.billingOrder) AS last }
       RETURN p.name AS person, twin.id AS twin, c.id AS character, last`,
      { film: input.film, person: input.person, key, character: input.character ?? null, cast: CAST_KINDS },
    );
    if (!found) reject('NOT_FOUND', ['film'], `No film has the id "${input.film}"`);
    if (found.person === null) reject('NOT_FOUND', ['person'], `No person has the id "${input.person}"`);
    if (input.character && found.character === null) reject('NOT_FOUND', ['character'], `No character has the id "${input.character}"`);
    if (found.twin) reject('CONFLICT', ['kind'], `${found.person} already has a ${input.kind} credit on this film (${found.twin}); update that one instead`);

    let billingOrder = input.billingOrder ?? null;
    if (isCast(input.kind)) {
      const last = found.last ?? 0;
      if (billingOrder === null || billingOrder > last + 1) billingOrder = last + 1;
      else await shiftCast(write, input.film, billingOrder, null, 1, '');
    }
    const state: RoleState = {
      film: input.film,
      person: input.person,
      kind: input.kind,
      job: input.jobs?.[0] ?? input.job ?? null,
      jobs: jobsOf(input.job, input.jobs),
      characters: input.characters ?? [],
      character: input.character ?? null,
      billingOrder,
      credited: input.credited ?? true,
    };
    const id = newId('Role');
    await storeRole(write, id, key, state, created(write.by));
    write.record({ operation: 'CREATE', entityType: 'Role', entityId: id, fields: fieldChanges(null, { ...state }, FEED_FIELDS) });
    return id;
  },

  async update(write: Write, input: CreditChanges & { id: string; expectedVersion?: number | null }): Promise<string> {
    checkEntityId('Role', input.id);
    const [found] = await write.tx.run<{ film: string; kind: RoleKindName }>(`MATCH (r:Role {id: $id})-[:ON_FILM]->(f:Film) RETURN f.id AS film, r.kind AS kind`, { id: input.id });
    if (!found) reject('NOT_FOUND', ['id'], `No credit has the id "${input.id}"`);
    checkCredit(input, found.kind);
    await lockOnly(write, 'Film', found.film);
    const stored = await lockEntity(write, 'Role', input.id, 'id', input.expectedVersion);
    const before = (await roleState(write, input.id))!;
    await checkCharacter(write, input.character);

    let billingOrder = before.billingOrder;
    if (isCast(before.kind) && input.billingOrder !== undefined && input.billingOrder !== before.billingOrder) {
      // Out of its place, then into the new one: the roles between move up or down by one.
      const last = await lastBilling(write, found.film);
      const wanted = input.billingOrder === null ? null : Math.min(input.billingOrder, before.billingOrder === null ? last + 1 : last);
      if (before.billingOrder !== null) await shiftCast(write, found.film, before.billingOrder + 1, null, -1, input.id);
      if (wanted !== null) await shiftCast(write, found.film, wanted, null, 1, input.id);
      billingOrder = wanted;
    }
    const after: RoleState = {
      ...before,
      // A job or jobs given replace the credit's jobs; left out, they stay as they were.
      ...(input.job === undefined && input.jobs === undefined ? {} : { job: input.jobs?.[0] ?? input.job ?? null, jobs: jobsOf(input.job, input.jobs) }),
      characters: input.characters === undefined ? before.characters : input.characters ?? [],
      character: input.character === undefined ? before.character : input.character,
      billingOrder,
      credited: input.credited ?? before.credited,
    };
    await storeRole(write, input.id, stored.key, after, {});
    write.record({ operation: 'UPDATE', entityType: 'Role', entityId: input.id, fields: fieldChanges({ ...before }, { ...after }, FEED_FIELDS) });
    return input.id;
  },

  async remove(write: Write, input: { id: string; expectedVersion?: number | null }): Promise<string> {
    checkEntityId('Role', input.id);
    const [found] = await write.tx.run<{ film: string }>(`MATCH (r:Role {id: $id})-[:ON_FILM]->(f:Film) RETURN f.id AS film`, { id: input.id });
    if (!found) reject('NOT_FOUND', ['id'], `No credit has the id "${input.id}"`);
    await lockOnly(write, 'Film', found.film);
    await lockEntity(write, 'Role', input.id, 'id', input.expectedVersion);
    const before = (await roleState(write, input.id))!;
    await write.tx.run(`MATCH (r:Role {id: $id}) DETACH DELETE r`, { id: input.id });
    await refreshPeople(write.tx, [before.person]);
    // The cast closes ranks behind a removed member.
    if (isCast(before.kind) && before.billingOrder !== null) await shiftCast(write, found.film, before.billingOrder + 1, null, -1, input.id);
    write.record({ operation: 'DELETE', entityType: 'Role', entityId: input.id, fields: fieldChanges({ ...before }, null, FEED_FIELDS) });
    return input.id;
  },

  /** A film merge: `from`'s credits move to `into`, its cast billed after `into`'s own. */
  async moveFilmCredits(write: Write, from: string, into: string): Promise<void> {
    await moveCredits(write, 'film', from, into, await lastBilling(write, into));
  },

  /** A person merge: `from`'s credits become `into`'s. */
  async movePersonCredits(write: Write, from: string, into: string): Promise<void> {
    await moveCredits(write, 'person', from, into, 0);
  },
};

/**
 * Moves every role of the film or person `from` to `into`. Where `into` already holds a role of
 * the same person, film and kind, the two become one (the contract's rule for repeated credits):
 * characters and jobs joined, the lower billing order, credited if either was.
 */
async function moveCredits(write: Write, side: 'film' | 'person', from: string, into: string, billingOffset: number): Promise<void> {
  const roles = await write.tx.run<{ id: string; state: RoleState; twin: string | null; twinState: RoleState | null }>(
    `MATCH (p:Person)-[:HAS_ROLE]->(r:Role)-[:ON_FILM]->(f:Film)
     WHERE ${side === 'film' ? 'f.id' : 'p.id'} = $from
     OPTIONAL MATCH (r)-[:PLAYS]->(c:Character)
     WITH p, r, f, c,
          CASE $side WHEN 'film' THEN p.id + '|' + $into + '|' + r.kind ELSE $into + '|' + f.id + '|' + r.kind END AS twinKey
     OPTIONAL MATCH (twin:Role {key: twinKey})
     OPTIONAL MATCH (twin)-[:PLAYS]->(tc:Character)
     RETURN r.id AS id, twin.id AS twin,
            {film: f.id, person: p.id, kind: r.kind, job: r.job, jobs: ${jobsExpression('r')}, characters: coalesce(r.characters, []), character: c.id,
             billingOrder: r.billingOrder, credited: coalesce(r.credited, true)} AS state,
            CASE WHEN twin IS NULL THEN null ELSE
            {film: CASE $side WHEN 'film' THEN $into ELSE f.id END, person: CASE $side WHEN 'person' THEN $into ELSE p.id END, kind: twin.kind,
             job: twin.job, jobs: ${jobsExpression('twin')}, characters: coalesce(twin.characters, []), character: tc.id, billingOrder: twin.billingOrder,
             credited: coalesce(twin.credited, true)} END AS twinState
     ORDER BY r.billingOrder, r.id`,
    { from, into, side },
  );
  for (const role of roles) {
    await lockEntity(write, 'Role', role.id, 'from');
    if (role.twin && role.twinState) {
      await lockEntity(write, 'Role', role.twin, 'into');
      const twin = role.twinState;
      const orders = [twin.billingOrder, role.state.billingOrder].filter((order): order is number => order !== null);
      const joined: RoleState = {
        ...twin,
        ...joinJobs(twin, role.state),
        characters: [...new Set([...twin.characters, ...role.state.characters])],
        character: twin.character ?? role.state.character,
        billingOrder: orders.length > 0 ? Math.min(...orders) : null,
        credited: twin.credited || role.state.credited,
      };
      await write.tx.run(`MATCH (r:Role {id: $id}) DETACH DELETE r`, { id: role.id });
      await storeRole(write, role.twin, roleKey(joined.person, joined.film, joined.kind), joined, {});
      write.record({ operation: 'UPDATE', entityType: 'Role', entityId: role.twin, fields: fieldChanges({ ...twin }, { ...joined }, FEED_FIELDS) });
      write.record({ operation: 'DELETE', entityType: 'Role', entityId: role.id, fields: [...fieldChanges({ ...role.state }, null, FEED_FIELDS), { field: 'mergedInto', before: null, after: role.twin }] });
    } else {
      const moved: RoleState = {
        ...role.state,
        [side]: into,
        billingOrder: role.state.billingOrder !== null && isCast(role.state.kind) ? role.state.billingOrder + billingOffset : role.state.billingOrder,
      };
      await write.tx.run(
        side === 'film'
          ? `MATCH (r:Role {id: $id})-[old:ON_FILM]->() DELETE old`
          : `MATCH ()-[old:HAS_ROLE]->(r:Role {id: $id}) DELETE old`,
        { id: role.id },
      );
      await storeRole(write, role.id, roleKey(moved.person, moved.film, moved.kind), moved, {});
      write.record({ operation: 'UPDATE', entityType: 'Role', entityId: role.id, fields: fieldChanges({ ...role.state }, { ...moved }, FEED_FIELDS) });
    }
  }
}
