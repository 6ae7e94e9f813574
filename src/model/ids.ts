import { randomUUID } from 'node:crypto';
import { Label, LABELS } from './graph';

/**
 * Ids are `<label>_<random>`: opaque to clients (the contract says not to parse them), but the
 * prefix lets node(id:) go straight to one label's unique index instead of searching all seven.
 */
const PREFIXES = new Map<string, Label>(LABELS.map((label) => [label.toLowerCase(), label]));

export function labelOfId(id: string): Label | undefined {
  const cut = id.indexOf('_');
  return cut > 0 ? PREFIXES.get(id.slice(0, cut)) : undefined;
}

/** Change ids are `change_<sequence>` (see src/writes/change-log.ts). */
export const CHANGE_ID_PREFIX = 'change_';

/** A fresh id for an entity of `label`; never reused, so a deleted entity's id names nothing later. */
export function newId(label: Label): string {
  return `${label.toLowerCase()}_${randomUUID().replace(/-/g, '')}`;
}
