/**
 * The graph's shape: the fixed list of labels and relationship types. Cypher is written with
 * these names only; nothing from a request ever becomes a label or a type.
 *
 *   (:Person)-[:HAS_ROLE]->(:Role)-[:ON_FILM]->(:Film)
 *   (:Role)-[:PLAYS]->(:Character)-[:FROM_FRANCHISE]->(:Franchise)
 *   (:Film)-[:IN_FRANCHISE {kind, chronologicalOrder}]->(:Franchise)-[:PART_OF]->(:Franchise)
 *   (:Film)-[:IN_GENRE]->(:Genre)
 *   (:Review)-[:REVIEWS]->(:Film)
 *   (:Review)-[:MENTIONS {text, position}]->(:Person|Film|Franchise|Character)
 */
export const LABELS = ['Film', 'Person', 'Role', 'Franchise', 'Character', 'Genre', 'Review'] as const;
export type Label = (typeof LABELS)[number];

/**
 * Nodes that are not entities: the one GraphState node holds the graph's stamp, a random token
 * every committed change replaces, which HTTP caching (ETags) follows; ApiKey nodes hold the
 * digests of the API keys that may write (src/auth/api-keys.ts). Neither is exported, counted or
 * reached from an entity.
 */
export const META_LABELS = ['GraphState', 'ApiKey'] as const;

/** A WHERE condition true for entity nodes only (`node` names the variable). */
export function isEntityNode(node: string): string {
  return `NOT (${META_LABELS.map((label) => `${node}:${label}`).join(' OR ')})`;
}

/** Gives the graph a new stamp ($stamp): run after every change that commits. */
export const STAMP_GRAPH = `MERGE (state:GraphState {key: 'graph'}) SET state.stamp = $stamp`;
/** The graph's stamp, null before the first change. */
export const GRAPH_STAMP = `OPTIONAL MATCH (state:GraphState {key: 'graph'}) RETURN state.stamp AS stamp`;

export const RELATIONSHIP_TYPES = [
  'HAS_ROLE',
  'ON_FILM',
  'PLAYS',
  'FROM_FRANCHISE',
  'IN_FRANCHISE',
  'PART_OF',
  'IN_GENRE',
  'REVIEWS',
  'MENTIONS',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/**
 * The body of a CALL that binds `variable` to the node of any of `labels` whose id is `id` (an
 * expression): one unique-index look-up per label, since an id alone names no index. `label`, an
 * expression, narrows it to one label where it is not null (an id's prefix often says which).
 */
export function nodeOfAnyLabel(variable: string, id: string, labels: readonly Label[], label?: string): string {
  const only = (name: Label) => (label ? ` WHERE ${label} IS NULL OR ${label} = '${name}'` : '');
  return labels.map((name) => `MATCH (${variable}:${name} {id: ${id}})${only(name)} RETURN ${variable}`).join(' UNION ');
}
