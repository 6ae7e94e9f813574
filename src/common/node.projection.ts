import { characterProjection } from '../character/character.type';
import { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { FILM_PROPERTIES, filmProjection } from '../film/film.type';
import { franchiseProjection } from '../franchise/franchise.type';
import { genreProjection } from '../genre/genre.type';
import { PERSON_PROPERTIES, personProjection } from '../person/person.type';
import { EntityProperties, isWhole, propertiesOfFields } from './projection';
import { Selection } from './selection';

/** What to read of films and people where fewer than all their properties are shown (propertiesFor). */
export interface ShownProperties {
  Film?: readonly string[] | null;
  Person?: readonly string[] | null;
}

const SHAPES = { Film: FILM_PROPERTIES, Person: PERSON_PROPERTIES } satisfies Record<keyof ShownProperties, EntityProperties>;

/**
 * What the selections of a Node-typed field show of films and of people: the properties to read,
 * or null for every one. Fragments are merged in a Selection, so a field counts for a type only
 * when that type has it (`title` of `... on Film { title }` is not asked of people).
 */
export function shownProperties(schema: GraphQLSchema, selections: readonly Selection[]): ShownProperties {
  const shown: ShownProperties = {};
  for (const [type, shape] of Object.entries(SHAPES) as [keyof ShownProperties, EntityProperties][]) {
    const fields = (schema.getType(type) as GraphQLObjectType).getFields();
    const names = selections.flatMap((selection) => selection.names()).filter((name) => name === '__typename' || name in fields);
    const properties = propertiesOfFields(shape, names);
    shown[type] = properties && !isWhole(shape, properties) ? properties : null;
  }
  return shown;
}

/**
 * The stored properties of `variable` by its label, as that label's loader reads them, so search
 * hits and path nodes can prime the request's loaders instead of asking them; films and people
 * only as far as `shown` says, when it does. Null for any other label.
 */
export function entityProjection(variable: string, shown: ShownProperties = {}): string {
  return `CASE
    WHEN ${variable}:Film THEN ${filmProjection(variable, shown.Film)}
    WHEN ${variable}:Person THEN ${personProjection(variable, shown.Person)}
    WHEN ${variable}:Franchise THEN ${franchiseProjection(variable)}
    WHEN ${variable}:Character THEN ${characterProjection(variable)}
    WHEN ${variable}:Genre THEN ${genreProjection(variable)}
  END`;
}
