import { badInput } from '../common/errors';
import { Database, Params, Row, Tx } from '../db/database';
import { entityProjection, Shown } from '../model/entity';
import { nodeOfAnyLabel, RelationshipType } from '../model/graph';
import { labelOfId } from '../model/ids';
import { ROLE_KINDS } from '../model/roles';
import { linkBetween, PATH_LABELS, PATH_LINKS, PathLabel, PathLinkName } from './path-links';
import { GraphPath, PathDirection, PathNode } from './paths.type';

/**
 * Shortest paths between any two entities, counted the way a reader counts them: a Role node is
 * not a hop, so person → film → person has length 2 (see ../shared/contract/README.md, Paths).
 *
 * How the hop count comes out right with Neo4j's own SHORTEST
 * ------------------------------------------------------------
 * A credit or character hop is two relationships (Person-HAS_ROLE->Role-ON_FILM|PLAYS->…); every
 * other hop is one (IN_FRANCHISE, PART_OF, FROM_FRANCHISE, IN_GENRE). SHORTEST counts
 * relationships, and Neo4j 5.26 cannot say "a unit of two relationships OR a unit of one" inside a
 * quantified path pattern (no path-pattern union, no nesting), so the path with the fewest
 * relationships need not have the fewest hops: film → franchise → larger franchise → film is
 * 3 relationships and 3 hops, film → person → film is 4 relationships and 2. Filtering raw paths
 * by their hop count instead makes Neo4j enumerate paths, which explodes through hubs (a genre
 * holds thousands of films). So the search is relationship-count math in two steps:
 *
 *  1. One shortestPath() over raw relationships (Neo4j's bidirectional breadth-first search, the
 *     cheapest plan there is). Its path has R relationships and H hops. Call a hop that costs one
 *     relationship "direct"; a path with d direct hops and H hops has R = 2·H − d. Any path with fewer hops, H' ≤ H − 1, has R' ≥ R (R is the minimum),
 *     so d' = 2·H' − R' ≤ 2·(H − 1) − R. When that is negative (the raw path has at most one direct
 *     hop: every path made of credits alone) step 1 is already exact, which is the usual case.
 *  2. Otherwise, for each d' that could still win, a SHORTEST whose pattern fixes the number of
 *     direct hops at d' and is otherwise made of whole person units,
 *       (a) [person start] SEG ( -[direct]- SEG ) × d' [person end] (b),   SEG = quantified
 *       (x)<-[:ON_FILM|PLAYS]-(:Role)<-[:HAS_ROLE]-(:Person)-[:HAS_ROLE]->(:Role)-[:ON_FILM|PLAYS]->(y),
 *     4 relationships and 2 hops per unit: with d' fixed, fewest relationships is fewest hops. The
 *     bound tightens with each shorter path found. These patterns are costlier to plan, which is
 *     why they only run when step 1 cannot prove its answer, and only for the d' that can win.
 *
 * A person whose one role both credits them on a film and plays a character links film → person →
 * character (2 hops) through a single Role. Neo4j never walks a relationship twice in a path, so
 * that shows up as Film-ON_FILM-Role-PLAYS-Character: 2 relationships standing for 2 hops (direct
 * hops, in the accounting above), and the Role stands for its person in the answer.
 *
 * allShortestPaths asks ALL SHORTEST, per count of direct hops that can reach the fewest hops, and
 * folds raw paths that differ only in their Role nodes (several roles on one film) into one.
 *
 * Every statement runs in one read transaction with the caller's timeout: past it Neo4j aborts and
 * the caller gets QUERY_TIMEOUT (src/db/database.ts), never a hang.
 */

/** Genre links join nearly every film to every other, so paths use them only when asked. */
export const DEFAULT_VIA: readonly PathLinkName[] = ['CREDIT', 'FRANCHISE', 'CHARACTER'];
export const DEFAULT_MAX_HOPS = 6;
export const MAX_HOPS = 10;
export const DEFAULT_PATHS = 10;
export const MAX_PATHS = 100;

/**
 * What each kind of link walks: the type from a Role to what the person worked on or played, and
 * the one-relationship links. Pattern text is built from these constants only.
 */
const ROLE_TARGET: Partial<Record<PathLinkName, RelationshipType>> = { CREDIT: 'ON_FILM', CHARACTER: 'PLAYS' };
const DIRECT_TYPES: Record<PathLinkName, RelationshipType[]> = {
  CREDIT: [],
  FRANCHISE: ['IN_FRANCHISE', 'PART_OF'],
  CHARACTER: ['FROM_FRANCHISE'],
  GENRE: ['IN_GENRE'],
};

export interface PathQuery {
  fromId: string;
  toId: string;
  /** Default 6, at most 10. */
  maxHops?: number | null;
  /** Default CREDIT, FRANCHISE, CHARACTER. */
  via?: readonly PathLinkName[] | null;
  /** Transaction timeout; unset uses the Database's default for reads. */
  timeoutMs?: number;
  /** Name the role behind each person hop (default true); a statement saved when nobody asks. */
  withRoles?: boolean;
  /** What to read of the films and people along the path (default every property). */
  shown?: Shown;
}

export interface AllPathsQuery extends PathQuery {
  /** Default 10, at most 100. */
  first?: number | null;
}

interface Plan {
  fromId: string;
  toId: string;
  maxHops: number;
  /** Every type a path may walk, `A|B|…`. */
  allTypes: string;
  /** `ON_FILM|PLAYS`, or null when neither CREDIT nor CHARACTER is allowed. */
  roleTargets: string | null;
  /**
   * The one-relationship hops, `IN_FRANCHISE|…`, or null when there are none. With CREDIT and
   * CHARACTER both allowed, ON_FILM and PLAYS too: film → person → character through one role.
   */
  directTypes: string | null;
  /** Whether a Role can stand for its person: only between its film and its character. */
  standIns: boolean;
  shown: Shown;
}

interface Ends {
  from: PathLabel;
  to: PathLabel;
}

/** A path found: its entities in order, and its length in relationships. */
interface Found {
  nodes: PathNode[];
  relationships: number;
}

/** One shortest path, or null when none is within maxHops (or an id names nothing). */
export const pathService = { shortest, allShortest };

async function shortest(db: Database, query: PathQuery): Promise<GraphPath | null> {
  const plan = planOf(query);
  const lookUpRoles = query.withRoles ?? true;
  const search = async (tx: Tx): Promise<GraphPath | null> => {
    const ends = await endpoints(tx, plan);
    if (!ends) return null;
    if (plan.fromId === plan.toId) return { length: 0, nodes: [{ id: plan.fromId, label: ends.from }], steps: [] };
    const best = await fewestHops(tx, plan, ends);
    if (!best) return null;
    const [path] = await withRoles(tx, [best.path.nodes], lookUpRoles);
    return path;
  };
  // Ends known by their prefixes, no one-relationship hops (so no layered search) and no roles to
  // name: the search is one statement, sent auto-commit in one round trip instead of three.
  if (endsByPrefix(plan) && !plan.directTypes && !lookUpRoles) {
    return search({ run: <R extends Row>(cypher: string, params?: Params) => db.read<R>(cypher, params, timeoutOf(query)) });
  }
  return db.readTx(search, timeoutOf(query));
}

/**
 * Every shortest path (up to `first`), as distinct sequences of entities: two people linked to the
 * same film by several roles make one path. Ordered by the names along the way, then ids.
 */
async function allShortest(db: Database, query: AllPathsQuery): Promise<GraphPath[]> {
  const plan = planOf(query);
  const first = query.first ?? DEFAULT_PATHS;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PATHS) {
    throw badInput(`first must be a whole number from 1 to ${MAX_PATHS} (default ${DEFAULT_PATHS}); got ${first}`, 'first');
  }
  return db.readTx(async (tx) => {
    const ends = await endpoints(tx, plan);
    if (!ends) return [];
    if (plan.fromId === plan.toId) return [{ length: 0, nodes: [{ id: plan.fromId, label: ends.from }], steps: [] }];
    const best = await fewestHops(tx, plan, ends);
    if (!best) return [];
    const hops = best.path.nodes.length - 1;
    const found = new Map<string, PathNode[]>();
    // A path of `hops` hops with d direct ones has 2·hops − d relationships, never fewer than the minimum.
    for (let direct = 0; direct <= 2 * hops - best.minRelationships; direct += 1) {
      const pattern = layeredPattern(plan, ends, direct, hops);
      if (!pattern) continue;
      const rows = await tx.run<{ nodes: RawNode[] }>(
        `MATCH (a:${ends.from} {id: $fromId}), (b:${ends.to} {id: $toId})
         MATCH p = ALL SHORTEST ${pattern}
         RETURN ${RAW_NODES('p', plan)} AS nodes`,
        { fromId: plan.fromId, toId: plan.toId, labels: PATH_LABELS },
      );
      for (const row of rows) {
        const nodes = entitiesOf(row.nodes);
        if (nodes.length - 1 === hops) found.set(nodes.map((n) => n.id).join('|'), nodes);
      }
    }
    const sortKeys = await sortKeysOf(tx, [...new Set([...found.values()].flat().map((n) => n.id))]);
    const ordered = [...found.values()]
      .sort(
        (x, y) =>
          compareLists(
            x.map((n) => sortKeys.get(n.id) ?? ''),
            y.map((n) => sortKeys.get(n.id) ?? ''),
          ) || compareLists(x.map((n) => n.id), y.map((n) => n.id)),
      )
      .slice(0, first);
    return withRoles(tx, ordered, query.withRoles ?? true);
  }, timeoutOf(query));
}

function timeoutOf(query: PathQuery): { timeoutMs?: number } {
  return query.timeoutMs === undefined ? {} : { timeoutMs: query.timeoutMs };
}

/** Validates the arguments up front, with messages that restate the contract. */
function planOf(query: PathQuery): Plan {
  const maxHops = query.maxHops ?? DEFAULT_MAX_HOPS;
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS) {
    throw badInput(`maxHops must be a whole number from 1 to ${MAX_HOPS} (default ${DEFAULT_MAX_HOPS}); got ${maxHops}`, 'maxHops');
  }
  const via = query.via ?? DEFAULT_VIA;
  if (via.length === 0) throw badInput(`via must name at least one of ${PATH_LINKS.join(', ')}`, 'via');
  const unknown = via.filter((link) => !(PATH_LINKS as readonly string[]).includes(link));
  if (unknown.length > 0) throw badInput(`via takes ${PATH_LINKS.join(', ')}; got ${unknown.join(', ')}`, 'via');
  const links = PATH_LINKS.filter((link) => via.includes(link));
  const roleTargets = links.flatMap((link) => ROLE_TARGET[link] ?? []);
  const directTypes = links.flatMap((link) => DIRECT_TYPES[link]);
  if (roleTargets.length === 2) directTypes.push(...roleTargets);
  const allTypes = [...new Set([...(roleTargets.length ? ['HAS_ROLE', ...roleTargets] : []), ...directTypes])];
  return {
    fromId: query.fromId,
    toId: query.toId,
    maxHops,
    allTypes: allTypes.join('|'),
    roleTargets: roleTargets.length ? roleTargets.join('|') : null,
    directTypes: directTypes.length ? directTypes.join('|') : null,
    // Only with both ON_FILM and PLAYS one-relationship hops can a path go film, role, character.
    standIns: roleTargets.length === 2,
    shown: query.shown ?? {},
  };
}

/** A node of a raw path: a Role carries its person, for when it stands for them. */
interface RawNode {
  id: string;
  label: PathLabel | 'Role';
  personId: string | null;
  entity: { id: string } | null;
}

/** Each node of path `p` as a RawNode (labels from $labels); a Role's person only where it can stand for them. */
const RAW_NODES = (p: string, plan: Plan) => `[n IN nodes(${p}) | {id: n.id, label: coalesce([label IN $labels WHERE label IN labels(n)][0], 'Role'),
         personId: ${plan.standIns ? 'CASE WHEN n:Role THEN head([(person:Person)-[:HAS_ROLE]->(n) | person.id]) END' : 'null'},
         entity: ${entityProjection('n', plan.shown)}}]`;


/**
 * The entities along a raw path. A Role beside its person is inside a credit or character hop and
 * drops out; a Role between its film and its character stands for its person (see the file
 * comment), who is then a hop of their own.
 */
function entitiesOf(raw: RawNode[]): PathNode[] {
  const nodes: PathNode[] = [];
  raw.forEach((node, i) => {
    if (node.label !== 'Role') nodes.push({ id: node.id, label: node.label, ...(node.entity ? { entity: node.entity } : {}) });
    else if (raw[i - 1]?.label !== 'Person' && raw[i + 1]?.label !== 'Person' && node.personId) {
      nodes.push({ id: node.personId, label: 'Person' });
    }
  });
  return nodes;
}

/** What paths are ordered by: names and titles as folded for sorting. */
async function sortKeysOf(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.run<{ id: string; key: string }>(
    `UNWIND $ids AS id
     CALL (id) { ${nodeOfAnyLabel('n', 'id', PATH_LABELS)} }
     RETURN id, coalesce(n.sortName, n.sortTitle, n.folded, toLower(n.name), '') AS key`,
    { ids },
  );
  return new Map(rows.map((row) => [row.id, row.key]));
}

function compareLists(x: string[], y: string[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * The labels of both ends, found by id across the path labels (an id's prefix names its label when
 * it has one, so usually this is one index look-up each). Null when either is unknown.
 */
async function endpoints(tx: Tx, plan: Plan): Promise<Ends | null> {
  const known = endsByPrefix(plan);
  if (known) return known;
  const labelsOf = (id: string): readonly PathLabel[] => {
    const prefixed = labelOfId(id);
    return (PATH_LABELS as readonly string[]).includes(prefixed ?? '') ? [prefixed as PathLabel] : PATH_LABELS;
  };
  // Both ends in one statement: each CALL yields at most one row, so an unknown id yields none.
  const [row] = await tx.run<{ fromLabel: PathLabel; toLabel: PathLabel }>(
    `CALL () { ${nodeOfAnyLabel('a', '$fromId', labelsOf(plan.fromId))} } WITH [label IN $labels WHERE label IN labels(a)][0] AS fromLabel LIMIT 1
     CALL () { ${nodeOfAnyLabel('b', '$toId', labelsOf(plan.toId))} } WITH fromLabel, [label IN $labels WHERE label IN labels(b)][0] AS toLabel LIMIT 1
     RETURN fromLabel, toLabel`,
    { fromId: plan.fromId, toId: plan.toId, labels: PATH_LABELS },
  );
  return row ? { from: row.fromLabel, to: row.toLabel } : null;
}

/**
 * Two different ids that both name a path label by their prefix need no look-up: the path query
 * matches each end on its label and id, and finds nothing for an id that names nothing.
 */
function endsByPrefix(plan: Plan): Ends | null {
  const from = labelOfId(plan.fromId);
  const to = labelOfId(plan.toId);
  const isPathLabel = (label: string | undefined): label is PathLabel => (PATH_LABELS as readonly string[]).includes(label ?? '');
  return plan.fromId !== plan.toId && isPathLabel(from) && isPathLabel(to) ? { from, to } : null;
}

/**
 * Step 2's pattern: exactly `direct` one-relationship hops, at most `maxHops` hops, the rest whole
 * person units (see the file comment). Null when no such path can exist. Quantifier bounds cannot
 * be parameters in Cypher; these are whole numbers computed here, and the types come from the
 * constants above.
 */
function layeredPattern(plan: Plan, ends: Ends, direct: number, maxHops: number): string | null {
  const halves = (ends.from === 'Person' ? 1 : 0) + (ends.to === 'Person' ? 1 : 0);
  if (halves > 0 && !plan.roleTargets) return null;
  if (direct > 0 && !plan.directTypes) return null;
  const units = plan.roleTargets ? Math.floor((maxHops - direct - halves) / 2) : 0;
  if (units < 0) return null;
  const segment =
    units > 0
      ? ` (()<-[:${plan.roleTargets}]-(:Role)<-[:HAS_ROLE]-(:Person)-[:HAS_ROLE]->(:Role)-[:${plan.roleTargets}]->()){0,${units}} ()`
      : '';
  let text = '(a)';
  if (ends.from === 'Person') text += `-[:HAS_ROLE]->(:Role)-[:${plan.roleTargets}]->()`;
  text += segment;
  for (let i = 0; i < direct; i += 1) text += `-[:${plan.directTypes}]-()${segment}`;
  if (ends.to === 'Person') return `${text}<-[:${plan.roleTargets}]-(:Role)<-[:HAS_ROLE]-(b)`;
  // The last anonymous node is the end; a pattern with no relationship at all would join a to itself.
  if (!text.endsWith('()')) return null;
  return `${text.slice(0, -2)}(b)`;
}

/**
 * The fewest hops within maxHops, one path that has them, and the fewest relationships of any path
 * (which bounds the direct hops a shortest path can have). Null when nothing is within reach.
 */
async function fewestHops(tx: Tx, plan: Plan, ends: Ends): Promise<{ path: Found; minRelationships: number } | null> {
  const run = async (shortest: string): Promise<Found | null> => {
    const [row] = await tx.run<{ nodes: RawNode[]; relationships: number }>(
      `MATCH (a:${ends.from} {id: $fromId}), (b:${ends.to} {id: $toId})
       MATCH p = ${shortest}
       RETURN ${RAW_NODES('p', plan)} AS nodes, length(p) AS relationships`,
      { fromId: plan.fromId, toId: plan.toId, labels: PATH_LABELS },
    );
    return row ? { nodes: entitiesOf(row.nodes), relationships: row.relationships } : null;
  };

  // Step 1: any path of at most maxHops hops has at most 2·maxHops relationships. The classic
  // shortestPath() is the same bidirectional breadth-first search without SHORTEST's per-path
  // state: about a third of Neo4j's work on a credit path across a 10k-film graph.
  const raw = await run(`shortestPath((a)-[:${plan.allTypes}*1..${2 * plan.maxHops}]-(b))`);
  if (!raw) return null;
  const minRelationships = raw.relationships;
  let best = raw.nodes.length - 1 <= plan.maxHops ? raw : null;
  // Without one-relationship links every hop is two relationships (person, role, film or
  // character), so the path with the fewest relationships already has the fewest hops.
  if (!plan.directTypes) return best ? { path: best, minRelationships } : null;
  let bound = Math.min(raw.nodes.length - 2, plan.maxHops);
  // Step 2: a path of at most `bound` hops has at most 2·bound − minRelationships direct hops.
  for (let direct = 0; direct <= 2 * bound - minRelationships; direct += 1) {
    const pattern = layeredPattern(plan, ends, direct, bound);
    if (!pattern) continue;
    const found = await run(`SHORTEST 1 ${pattern}`);
    // Each segment is bounded on its own, so the shortest for this d may still be too long.
    if (!found || found.nodes.length - 1 > bound) continue;
    best = found;
    bound = found.nodes.length - 2;
  }
  return best ? { path: best, minRelationships } : null;
}

/**
 * Names the role behind each person hop, the same one every time: the person's role on that film
 * (or playing that character) first by kind (the RoleKind order: cast before crew, director before
 * producer), then billing, then the film's release, then id. Franchise and genre hops get null.
 */
async function withRoles(tx: Tx, paths: PathNode[][], lookUp: boolean): Promise<GraphPath[]> {
  const hops = paths.flatMap((nodes) =>
    nodes.slice(1).map((to, i) => {
      const from = nodes[i];
      const person = from.label === 'Person' ? from : to.label === 'Person' ? to : null;
      const other = person === from ? to : from;
      return { person: person?.id ?? null, other: other.id };
    }),
  );
  const personHops = dedupe(hops.filter((hop): hop is { person: string; other: string } => hop.person !== null));
  const roles = new Map<string, string | null>();
  if (lookUp && personHops.length > 0) {
    const rows = await tx.run<{ person: string; other: string; roleId: string | null }>(
      `UNWIND $hops AS hop
       MATCH (person:Person {id: hop.person})
       CALL (hop) { ${nodeOfAnyLabel('other', 'hop.other', ['Film', 'Character'])} }
       CALL (person, other) {
         // Both ends bound, so the planner can start from the film or character: a busy person
         // has far more roles than a film has credits.
         MATCH (person)-[:HAS_ROLE]->(r:Role)-[:ON_FILM|PLAYS]->(other)
         OPTIONAL MATCH (r)-[:ON_FILM]->(film:Film)
         WITH r, film
         ORDER BY [i IN range(0, size($kinds) - 1) WHERE $kinds[i] = r.kind][0], r.billingOrder IS NULL, r.billingOrder,
                  film.releaseDate IS NULL, film.releaseDate, r.id
         RETURN head(collect(r.id)) AS roleId
       }
       RETURN hop.person AS person, hop.other AS other, roleId`,
      { hops: personHops, kinds: ROLE_KINDS },
    );
    rows.forEach((row) => roles.set(`${row.person}|${row.other}`, row.roleId));
  }
  const partOf = await franchiseNesting(tx, paths);
  let next = 0;
  return paths.map((nodes) => ({
    length: nodes.length - 1,
    nodes,
    steps: nodes.slice(1).map((to, i) => {
      const hop = hops[next++];
      const from = nodes[i];
      const { link, forward } = linkBetween(from.label, to.label, () => partOf.has(`${from.id}|${to.id}`));
      return { from, to, roleId: hop.person === null ? null : roles.get(`${hop.person}|${hop.other}`) ?? null, link, direction: forward ? PathDirection.FORWARD : PathDirection.BACKWARD };
    }),
  }));
}

/**
 * Which franchise of each franchise-to-franchise hop sits in the other (`child|parent`), the one
 * thing a hop's labels do not say; a statement only when the paths have such hops.
 */
async function franchiseNesting(tx: Tx, paths: PathNode[][]): Promise<Set<string>> {
  const pairs = paths.flatMap((nodes) => nodes.slice(1).flatMap((to, i) => (nodes[i].label === 'Franchise' && to.label === 'Franchise' ? [{ a: nodes[i].id, b: to.id }] : [])));
  if (pairs.length === 0) return new Set();
  const rows = await tx.run<{ child: string; parent: string }>(
    `UNWIND $pairs AS pair
     MATCH (child:Franchise)-[:PART_OF]->(parent:Franchise)
     WHERE (child.id = pair.a AND parent.id = pair.b) OR (child.id = pair.b AND parent.id = pair.a)
     RETURN DISTINCT child.id AS child, parent.id AS parent`,
    { pairs },
  );
  return new Set(rows.map((row) => `${row.child}|${row.parent}`));
}

function dedupe<T extends { person: string; other: string }>(hops: T[]): T[] {
  return [...new Map(hops.map((hop) => [`${hop.person}|${hop.other}`, hop])).values()];
}
