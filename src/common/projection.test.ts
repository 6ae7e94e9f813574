import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, Kind, OperationDefinitionNode, parse } from 'graphql';
import { FILM_PROPERTIES, filmProjection } from '../film/film.type';
import { isWhole, propertiesFor, propertiesToRead } from './projection';
import { Selection } from './selection';

/** The selection of the query's first root field, as its resolver would see it. */
function selectionOf(query: string): Selection {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const field = operation.selectionSet.selections[0] as FieldNode;
  return Selection.of({ fieldNodes: [field], fragments, variableValues: {} } as unknown as GraphQLResolveInfo);
}

describe('reading only what a request shows', () => {
  it('reads the id and the properties behind the fields asked for, in one order', () => {
    const roles = selectionOf(`{ roles { nodes { film { year title } } edges { node { film { ...F } } } } } fragment F on Film { ratings { value } }`);
    expect(propertiesToRead(FILM_PROPERTIES, roles.allBelow('film'))).toEqual([
      'id', 'title', 'year', 'ratingSources', 'ratingValues', 'ratingScales', 'ratingVotes',
    ]);
  });

  it('reads nothing more than the id for fields resolved from it', () => {
    const film = selectionOf(`{ film { __typename cast { id } genres { name } } }`);
    expect(propertiesFor(FILM_PROPERTIES, [film])).toEqual(['id']);
  });

  it('reads the whole film when a field is not known, and nothing when the film is not reached', () => {
    const film = selectionOf(`{ film { title somethingNew } }`);
    expect(propertiesFor(FILM_PROPERTIES, [film])).toBeNull();
    const read = propertiesToRead(FILM_PROPERTIES, [film])!;
    expect(isWhole(FILM_PROPERTIES, read)).toBe(true);
    expect(filmProjection('f', read)).toBe(filmProjection('f'));
    expect(propertiesToRead(FILM_PROPERTIES, selectionOf(`{ roles { nodes { id } } }`).allBelow('film'))).toBeNull();
  });

  it('projects the properties it reads', () => {
    expect(filmProjection('other', ['id', 'title', 'releaseDate'])).toBe('other {.id, .title, releaseDate: toString(other.releaseDate)}');
    expect(isWhole(FILM_PROPERTIES, ['id', 'title'])).toBe(false);
  });
});
