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
