import DataLoader from 'dataloader';
import { Selection } from './selection';

/**
 * How an entity's stored properties are read, and which of them each of its GraphQL fields needs,
 * so a look-ahead page can read only what the request shows. Sending a film's overview, titles
 * and ratings for a filmography that shows only title and year doubles the work on both sides
 * of the driver.
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
 * `variable {…}` with the given properties, or every property when `properties` is null, then
 * any `extra` entries (values that are not the entity's own, such as a review's film id).
 */
export function projectionOf(shape: EntityProperties, variable: string, properties: readonly string[] | null = null, extra: readonly string[] = []): string {
  const chosen = (properties ?? Object.keys(shape.entries)).map((property) => shape.entries[property].replace(/%/g, variable));
  return `${variable} {${[...chosen, ...extra].join(', ')}}`;
}

/**
 * The stored properties the selections of an entity read (always its id), or null when any of
 * them asks for a field the shape does not know: then the entity must be read whole.
 */
export function propertiesFor(shape: EntityProperties, selections: readonly Selection[]): string[] | null {
  return propertiesOfFields(shape, selections.flatMap((selection) => selection.names()));
}

/** The stored properties the given fields of an entity read (always its id); null for a field the shape does not know. */
export function propertiesOfFields(shape: EntityProperties, fields: Iterable<string>): string[] | null {
  const properties = new Set(['id']);
  for (const field of fields) {
    const reads = shape.reads[field];
    if (!reads) return null;
    reads.forEach((property) => properties.add(property));
  }
  // In entry order, so one selection always makes the same statement text.
  return Object.keys(shape.entries).filter((property) => properties.has(property));
}

/**
 * What to read of an entity fetched alongside another (a role's film): null when the request does
 * not reach it, else the properties its selections read, every one when a field is not known.
 */
export function propertiesToRead(shape: EntityProperties, selections: readonly Selection[]): string[] | null {
  if (selections.length === 0) return null;
  return propertiesFor(shape, selections) ?? Object.keys(shape.entries);
}

/** Whether `properties` is the whole entity, so it may stand in for a loader's answer. */
export function isWhole(shape: EntityProperties, properties: readonly string[]): boolean {
  return properties.length === Object.keys(shape.entries).length;
}

/**
 * Primes a by-id loader with entities fetched alongside something else, but only when they were
 * read whole: one read in part serves only what it rides on, so another field of the same request
 * that reaches the same entity still gets all of it.
 */
export function primeIfWhole<E extends { id: string }>(
  loader: DataLoader<string, E | null, string>,
  shape: EntityProperties,
  properties: readonly string[] | null,
  entities: Iterable<E>,
): void {
  if (!properties || !isWhole(shape, properties)) return;
  for (const entity of entities) loader.prime(entity.id, entity);
}
