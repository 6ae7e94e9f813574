import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, Kind, OperationDefinitionNode, parse } from 'graphql';
import { FILM_PROPERTIES, filmProjection } from '../model/film';
import { reachOf, readingOf, shownOf } from './look-ahead';
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
    expect(reachOf(FILM_PROPERTIES, roles.allBelow('film'))).toEqual([
      'id', 'title', 'year', 'ratingSources', 'ratingValues', 'ratingScales', 'ratingVotes',
    ]);
  });

  it('reads nothing more than the id for fields resolved from it', () => {
    const film = selectionOf(`{ film { __typename cast { id } genres { name } } }`);
    expect(readingOf(FILM_PROPERTIES, [film])).toEqual(['id']);
  });

  it('reads the whole film when a field is not known, and nothing when the film is not reached', () => {
    const film = selectionOf(`{ film { title somethingNew } }`);
    expect(readingOf(FILM_PROPERTIES, [film])).toBe('all');
    expect(filmProjection('f', readingOf(FILM_PROPERTIES, [film]))).toBe(filmProjection('f'));
    expect(reachOf(FILM_PROPERTIES, selectionOf(`{ roles { nodes { id } } }`).allBelow('film'))).toBe('none');
  });

  it('projects the properties it reads', () => {
    expect(filmProjection('other', ['id', 'title', 'releaseDate'])).toBe('other {.id, .title, releaseDate: toString(other.releaseDate)}');
  });

  it('counts a field of a Node-typed selection only for the types that have it', () => {
    const schema = buildSchema(fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));
    const hit = selectionOf(`{ entity { __typename id ... on Film { title year } ... on Person { name birthYear } ... on Genre { name } } }`);
    expect(shownOf(schema, [hit])).toEqual({ Film: ['id', 'title', 'year'], Person: ['id', 'name', 'birthYear'] });
    // A field of people the shape does not know (one added to the schema later) makes them whole; films are unaffected.
    const later = buildSchema(`type Film { id: ID! title: String! } type Person { id: ID! name: String! nickname: String } type Query { film: Film }`);
    const asked = selectionOf(`{ entity { ... on Film { title } ... on Person { nickname } } }`);
    expect(shownOf(later, [asked])).toEqual({ Film: ['id', 'title'], Person: 'all' });
  });
});
