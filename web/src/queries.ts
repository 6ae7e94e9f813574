import { gql } from '@apollo/client';

/** Enough of any entity to name it and link to its page. */
export const ENTITY_FIELDS = gql`
  fragment EntityFields on Node {
    __typename
    id
    ... on Film { slug title year }
    ... on Person { slug name }
    ... on Franchise { slug name }
    ... on Character { slug name }
    ... on Genre { slug name }
  }
`;

export const SEARCH = gql`
  query Search($query: String!, $types: [SearchType!], $first: Int) {
    search(query: $query, types: $types, first: $first) {
      score
      matchedName
      entity {
        ...EntityFields
        ... on Person { birthYear professions }
        ... on Character { franchise { id slug name } }
      }
    }
  }
  ${ENTITY_FIELDS}
`;

export const ENTITIES_BY_ID = gql`
  query EntitiesById($ids: [ID!]!) {
    nodes(ids: $ids) { ...EntityFields }
  }
  ${ENTITY_FIELDS}
`;

const PERSON_LINK = gql`
  fragment PersonLink on Person { id slug name }
`;
const FILM_LINK = gql`
  fragment FilmLink on Film { id slug title year }
`;

export const FILM_PAGE = gql`
  query FilmPage($slug: String!) {
    film(slug: $slug) {
      id slug title year releaseDate runtimeMinutes overview originalTitle
      genres { id slug name }
      directors { ...PersonLink }
      cast { id kind billingOrder characters credited person { ...PersonLink } character { id slug name } }
      crew { id kind job credited person { ...PersonLink } }
      franchises { kind releaseOrder chronologicalOrder film { id } franchise { id slug name } }
      related(first: 8) { score film { ...FilmLink } reasons { kind via { ...EntityFields } } }
      reviewSummary { count averageScore }
      reviews(first: 10) {
        totalCount
        edges { cursor node { id author publication headline body rating ratingScale score publishedOn url mentions { text start end entity { ...EntityFields } } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
  ${PERSON_LINK}
  ${FILM_LINK}
  ${ENTITY_FIELDS}
`;

export const PERSON_PAGE = gql`
  query PersonPage($slug: String!) {
    person(slug: $slug) {
      id slug name birthYear deathYear professions
      franchises { kinds franchise { id slug name } films { ...FilmLink } }
      collaborators(first: 8) { count person { ...PersonLink } films { ...FilmLink } }
    }
  }
  ${PERSON_LINK}
  ${FILM_LINK}
`;

export const FILMOGRAPHY = gql`
  query Filmography($slug: String!, $kinds: [RoleKind!], $first: Int!, $after: String) {
    person(slug: $slug) {
      id
      roles(kinds: $kinds, first: $first, after: $after) {
        totalCount
        edges { cursor node { id kind job characters credited character { id slug name } film { ...FilmLink } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
  ${FILM_LINK}
`;

export const FRANCHISE_PAGE = gql`
  query FranchisePage($slug: String!, $order: FranchiseOrder!) {
    franchise(slug: $slug) {
      id slug name description
      parent { id slug name }
      children { id slug name }
      entries(order: $order) { kind releaseOrder chronologicalOrder film { ...FilmLink releaseDate } franchise { id } }
      characters { id slug name portrayals { id person { ...PersonLink } film { ...FilmLink } } }
      people(first: 30) { kinds person { ...PersonLink } films { id slug title year } }
    }
  }
  ${PERSON_LINK}
  ${FILM_LINK}
`;

export const CHARACTER_PAGE = gql`
  query CharacterPage($slug: String!) {
    character(slug: $slug) {
      id slug name
      franchise { id slug name }
      portrayals { id characters credited person { ...PersonLink } film { ...FilmLink } }
    }
  }
  ${PERSON_LINK}
  ${FILM_LINK}
`;

export const GENRE_PAGE = gql`
  query GenrePage($slug: String!, $first: Int!, $after: String) {
    genre(slug: $slug) {
      id slug name
      films(first: $first, after: $after) {
        totalCount
        edges { cursor node { ...FilmLink } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
  ${FILM_LINK}
`;

const PATH_FIELDS = gql`
  fragment PathFields on GraphPath {
    length
    nodes { ...EntityFields }
    steps { link direction from { id } to { id } role { id kind job person { id } film { id slug title year } } }
  }
`;

export const PATHS = gql`
  query Paths($from: ID!, $to: ID!, $via: [PathLink!], $maxHops: Int) {
    shortestPath(from: $from, to: $to, via: $via, maxHops: $maxHops) { ...PathFields }
    allShortestPaths(from: $from, to: $to, via: $via, maxHops: $maxHops, first: 10) { ...PathFields }
  }
  ${PATH_FIELDS}
  ${ENTITY_FIELDS}
`;

export const FILM_NEIGHBOURHOOD = gql`
  query FilmNeighbourhood($slug: String!) {
    film(slug: $slug) {
      ...FilmLink
      roles(first: 40) { edges { cursor node { id kind person { ...PersonLink } } } }
      franchises { kind releaseOrder chronologicalOrder film { id } franchise { id slug name parent { id slug name } entries { kind releaseOrder chronologicalOrder film { ...FilmLink } franchise { id } } } }
      genres { id slug name }
    }
  }
  ${PERSON_LINK}
  ${FILM_LINK}
`;

export const PERSON_NEIGHBOURHOOD = gql`
  query PersonNeighbourhood($slug: String!, $kinds: [RoleKind!]!) {
    person(slug: $slug) {
      ...PersonLink
      # Every kind named, so this list is cached apart from the paged filmography (same field,
      # no kinds): relayStylePagination would otherwise reset that one to this page.
      roles(first: 30, kinds: $kinds) { edges { cursor node { id kind film { ...FilmLink } } } }
      franchises { kinds franchise { id slug name } films { id } }
      collaborators(first: 8) { count person { ...PersonLink } films { id } }
    }
  }
  ${PERSON_LINK}
  ${FILM_LINK}
`;
