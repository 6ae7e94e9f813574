import { filmSlugBase, nextFreeSlug, slugify } from './slug';

describe('slugify (contract rules)', () => {
  it('folds diacritics and punctuation', () => {
    expect(slugify('Bill Skarsgård')).toBe('bill-skarsgard');
    expect(slugify('John Wick: Chapter 3 – Parabellum')).toBe('john-wick-chapter-3-parabellum');
    expect(slugify('  --Sci-Fi!! ')).toBe('sci-fi');
  });
  it('adds the year to film slugs when known', () => {
    expect(filmSlugBase('Ballerina', 2025)).toBe('ballerina-2025');
    expect(filmSlugBase('Ballerina', null)).toBe('ballerina');
  });
  it('gives -2, -3 … in order of arrival', () => {
    expect(nextFreeSlug('len-wiseman', new Set())).toBe('len-wiseman');
    expect(nextFreeSlug('len-wiseman', new Set(['len-wiseman']))).toBe('len-wiseman-2');
    expect(nextFreeSlug('len-wiseman', new Set(['len-wiseman', 'len-wiseman-2']))).toBe('len-wiseman-3');
    // A longer slug that merely starts with the base is no clash.
    expect(nextFreeSlug('blade-runner', new Set(['blade-runner-2049']))).toBe('blade-runner');
  });
});
