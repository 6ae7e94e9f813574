/** Lower case, no diacritics: the form names are compared and substring-searched in. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The contract's slugify: NFKD, drop combining marks, lower case, runs of other characters to one '-'. */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function filmSlugBase(title: string, year: number | null | undefined): string {
  const base = slugify(title) || 'film';
  return year ? `${base}-${year}` : base;
}

export function nameSlugBase(name: string, fallback: string): string {
  return slugify(name) || fallback;
}

/**
 * The first free slug for `base`: the base itself, else base-2, base-3, … (the contract's order of
 * arrival). `taken` holds the slugs in use that start with the base.
 */
export function nextFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
