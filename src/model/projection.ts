/**
 * How an entity's stored properties are read, and which of them each of its GraphQL fields needs,
 * so a request that shows a few fields reads only those. Sending a film's overview, titles and
 * ratings for a filmography that shows only title and year doubles the work on both sides of the
 * driver.
 */
export interface EntityProperties {
  /** The projection entry of each stored property, `%` standing for the variable. */
  entries: Record<string, string>;
  /**
   * The stored properties each GraphQL field reads; [] for a field resolved from the id alone.
   * A field missing here (one added later, say) makes the whole entity be read.
   */
  reads: Record<string, readonly string[]>;
}

/**
 * What is read of an entity: `'all'` its stored properties, or only those listed (a strict subset,
 * always with the id, in entry order so one selection always makes the same statement text).
 */
export type Reading = 'all' | readonly string[];

/** The Reading of the given fields of an entity: 'all' when one is not known or they need everything. */
export function readingOfFields(shape: EntityProperties, fields: Iterable<string>): Reading {
  const properties = new Set(['id']);
  for (const field of fields) {
    const reads = shape.reads[field];
    if (!reads) return 'all';
    reads.forEach((property) => properties.add(property));
  }
  const listed = Object.keys(shape.entries).filter((property) => properties.has(property));
  return listed.length === Object.keys(shape.entries).length ? 'all' : listed;
}

/**
 * `variable {…}` with the properties `reading` names, then any `extra` entries (values that are
 * not the entity's own, such as a review's film id).
 */
export function projectionOf(shape: EntityProperties, variable: string, reading: Reading = 'all', extra: readonly string[] = []): string {
  const chosen = (reading === 'all' ? Object.keys(shape.entries) : reading).map((property) => shape.entries[property].replace(/%/g, variable));
  return `${variable} {${[...chosen, ...extra].join(', ')}}`;
}

/**
 * What every entity records of its writes (see src/writes/versions.ts): its version (1 for one
 * stored before versions were kept) and who made and last changed it, when.
 */
export const AUDIT_ENTRIES: Record<string, string> = {
  version: 'version: coalesce(%.version, 1)',
  createdAt: '.createdAt',
  createdBy: '.createdBy',
  updatedAt: '.updatedAt',
  updatedBy: '.updatedBy',
};
export const AUDIT_READS: Record<string, readonly string[]> = {
  version: ['version'],
  createdAt: ['createdAt'],
  createdBy: ['createdBy'],
  updatedAt: ['updatedAt'],
  updatedBy: ['updatedBy'],
};

/** The audit entries of `variable`, for projections written out by hand. */
export function auditEntries(variable: string): string {
  return Object.values(AUDIT_ENTRIES)
    .map((entry) => entry.replace(/%/g, variable))
    .join(', ');
}
