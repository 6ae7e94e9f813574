/**
 * A role as stored: kind, job, characters (as credited), billingOrder, credited, and `key`
 * (person id | film id | kind: a person holds at most one role of a kind on a film).
 */
export function roleKey(personId: string, filmId: string, kind: string): string {
  return `${personId}|${filmId}|${kind}`;
}

/** A Role with what ordering needs of its person; `character` may be null (no recurring character). */
export function roleProjection(role: string, person: string, film: string, character: string): string {
  return `${role} {.id, .kind, .job, characters: coalesce(${role}.characters, []), .billingOrder,
    credited: coalesce(${role}.credited, true), personId: ${person}.id, filmId: ${film}.id,
    characterId: ${character}.id, personName: ${person}.name, version: coalesce(${role}.version, 1)}`;
}
