import { characterProjection } from '../character/character.type';
import { filmProjection } from '../film/film.type';
import { franchiseProjection } from '../franchise/franchise.type';
import { genreProjection } from '../genre/genre.type';
import { personProjection } from '../person/person.type';

/**
 * The stored properties of `variable` by its label, as that label's loader reads them: search
 * hits and path nodes come back whole, so the request's loaders can be primed instead of asked.
 * Null for any other label.
 */
export function entityProjection(variable: string): string {
  return `CASE
    WHEN ${variable}:Film THEN ${filmProjection(variable)}
    WHEN ${variable}:Person THEN ${personProjection(variable)}
    WHEN ${variable}:Franchise THEN ${franchiseProjection(variable)}
    WHEN ${variable}:Character THEN ${characterProjection(variable)}
    WHEN ${variable}:Genre THEN ${genreProjection(variable)}
  END`;
}
