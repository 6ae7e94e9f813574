import { useQuery } from '@apollo/client';
import { useEffect, useState } from 'react';
import type { EntityRef } from '../entities';
import { SEARCH } from '../queries';

export type SearchType = 'FILM' | 'PERSON' | 'FRANCHISE' | 'CHARACTER' | 'GENRE';

export interface SearchHitData {
  /** The title, alternative title or name the query matched. */
  matchedName?: string | null;
  score: number;
  entity: EntityRef & { birthYear?: number | null; professions?: string[]; franchise?: { id: string; slug: string; name: string } | null };
}

/** The value once it has stopped changing for `ms`, so typing sends one request per pause, not per key. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Search as you type: the API folds case and diacritics, so the text goes as typed. */
export function useSearch(text: string, types: SearchType[] | null, first = 10) {
  const query = useDebounced(text.trim(), 200);
  const result = useQuery<{ search: SearchHitData[] }>(SEARCH, {
    variables: { query, types: types && types.length > 0 ? types : null, first },
    skip: query.length === 0,
    fetchPolicy: 'cache-first',
  });
  return { ...result, settledQuery: query, pending: text.trim() !== query };
}
