import { filmProjection, FILM_PROPERTIES } from './film';
import { characterProjection, franchiseProjection, genreProjection } from './named';
import { personProjection, PERSON_PROPERTIES } from './person';
import { EntityProperties, Reading } from './projection';

/** What to read of films and of people where a request shows some of their fields; 'all' when absent. */
export interface Shown {
  Film?: Reading;
  Person?: Reading;
}

/** The entities whose reads can be narrowed to what a request shows. */
export const SHOWN_SHAPES = { Film: FILM_PROPERTIES, Person: PERSON_PROPERTIES } satisfies Record<keyof Shown, EntityProperties>;

/**
 * The stored properties of `variable` by its label, as that label's loader reads them, so search
 * hits and path nodes can prime the request's loaders instead of asking them; films and people
 * only as far as `shown` says. Null for any other label.
 */
export function entityProjection(variable: string, shown: Shown = {}): string {
  return `CASE
    WHEN ${variable}:Film THEN ${filmProjection(variable, shown.Film)}
    WHEN ${variable}:Person THEN ${personProjection(variable, shown.Person)}
    WHEN ${variable}:Franchise THEN ${franchiseProjection(variable)}
    WHEN ${variable}:Character THEN ${characterProjection(variable)}
    WHEN ${variable}:Genre THEN ${genreProjection(variable)}
  END`;
}
