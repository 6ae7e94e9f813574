/**
 * The graph model: the fixed list of labels and relationship types. Cypher is written with
 * these names only; nothing from a request ever becomes a label or a type.
 *
 *   (:Person)-[:HAS_ROLE]->(:Role)-[:ON_FILM]->(:Film)
 *   (:Role)-[:PLAYS]->(:Character)-[:FROM_FRANCHISE]->(:Franchise)
 *   (:Film)-[:IN_FRANCHISE {kind, chronologicalOrder}]->(:Franchise)-[:PART_OF]->(:Franchise)
 *   (:Film)-[:IN_GENRE]->(:Genre)
 *   (:Review)-[:REVIEWS]->(:Film)
 *   (:Review)-[:MENTIONS {text}]->(:Person|Film|Franchise|Character)
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

export function isLabel(value: string): value is Label {
  return (LABELS as readonly string[]).includes(value);
}
