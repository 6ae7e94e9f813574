import { auditEntries } from './projection';
import { fold } from './slug';

/**
 * Franchises, characters and genres as stored: a slug, a name and `folded` (the name folded, for
 * look-ups and mentions); a franchise also has a description.
 */
export function storedName(slug: string, name: string): { slug: string; name: string; folded: string } {
  return { slug, name, folded: fold(name) };
}

export function franchiseProjection(name: string): string {
  return `${name} {.id, .slug, .name, .description, ${auditEntries(name)}}`;
}

export function characterProjection(name: string): string {
  return `${name} {.id, .slug, .name, ${auditEntries(name)}}`;
}

export function genreProjection(name: string): string {
  return `${name} {.id, .slug, .name, ${auditEntries(name)}}`;
}
