/** The entity fields every link needs, whatever the query it came from. */
export type EntityRef =
  | { __typename: 'Film'; id: string; slug: string; title: string; year?: number | null }
  | { __typename: 'Person'; id: string; slug: string; name: string }
  | { __typename: 'Franchise'; id: string; slug: string; name: string }
  | { __typename: 'Character'; id: string; slug: string; name: string }
  | { __typename: 'Genre'; id: string; slug: string; name: string }
  | { __typename: 'Review'; id: string; headline?: string | null; film?: { slug: string } | null }
  | { __typename: 'Role'; id: string };

export type EntityKind = 'Film' | 'Person' | 'Franchise' | 'Character' | 'Genre';

export const KIND_LABEL: Record<EntityKind, string> = {
  Film: 'Film',
  Person: 'Person',
  Franchise: 'Franchise',
  Character: 'Character',
  Genre: 'Genre',
};

/** The Explorer's page for an entity, or null for the kinds that have none (roles, reviews). */
export function entityPath(entity: EntityRef): string | null {
  switch (entity.__typename) {
    case 'Film':
      return `/film/${encodeURIComponent(entity.slug)}`;
    case 'Person':
      return `/person/${encodeURIComponent(entity.slug)}`;
    case 'Franchise':
      return `/franchise/${encodeURIComponent(entity.slug)}`;
    case 'Character':
      return `/character/${encodeURIComponent(entity.slug)}`;
    case 'Genre':
      return `/genre/${encodeURIComponent(entity.slug)}`;
    case 'Review':
      return entity.film ? `/film/${encodeURIComponent(entity.film.slug)}` : null;
    default:
      return null;
  }
}

export function entityName(entity: EntityRef): string {
  switch (entity.__typename) {
    case 'Film':
      return entity.year ? `${entity.title} (${entity.year})` : entity.title;
    case 'Person':
    case 'Franchise':
    case 'Character':
    case 'Genre':
      return entity.name;
    case 'Review':
      return entity.headline ?? 'a review';
    default:
      return 'a credit';
  }
}

/** ACTOR → "Actor", PRODUCTION_DESIGNER → "Production designer". */
export function humanise(constant: string): string {
  const words = constant.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}
