import neo4j, { isDate, isDateTime, isInt, isLocalDateTime, isNode, isRelationship } from 'neo4j-driver';

/**
 * The one place values cross the driver boundary. Whole numbers go in as Neo4j integers (so
 * SKIP/LIMIT and stored counts are integers, not floats); everything comes out as plain JSON:
 * integers as numbers, temporal values as ISO strings, nodes as their properties.
 */
export function toParams(params: Record<string, unknown>): Record<string, unknown> {
  return toNeo4j(params) as Record<string, unknown>;
}

function toNeo4j(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4j);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v !== undefined) out[key] = toNeo4j(v);
    }
    return out;
  }
  return value;
}

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most of a result is strings, numbers and maps: those are settled before any driver type test.
  if (typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = toPlain(value[i]);
    return value;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    // Maps arrive as fresh objects from the driver's unpacker: converted in place, not copied.
    const map = value as Record<string, unknown>;
    for (const key in map) map[key] = toPlain(map[key]);
    return map;
  }
  if (isInt(value)) return value.toNumber();
  if (isNode(value) || isRelationship(value)) return toPlain({ ...value.properties });
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value)) return value.toString();
  return value;
}
