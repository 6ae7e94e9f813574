import { Label, LABELS } from '../db/model';

/**
 * Ids are `<label>_<random>`: opaque to clients (the contract says not to parse them), but the
 * prefix lets node(id:) go straight to one label's unique index instead of searching all seven.
 */
const PREFIXES = new Map<string, Label>(LABELS.map((label) => [label.toLowerCase(), label]));

export function labelOfId(id: string): Label | undefined {
  const cut = id.indexOf('_');
  return cut > 0 ? PREFIXES.get(id.slice(0, cut)) : undefined;
}

export function hasLabelPrefix(id: string, label: Label): boolean {
  return labelOfId(id) === label && id.length > label.length + 1;
}
