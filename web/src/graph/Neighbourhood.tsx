import { useQuery } from '@apollo/client';
import { useMemo, useState } from 'react';
import { Loading, QueryError } from '../components/Status';
import { entityName, entityPath, type EntityRef } from '../entities';
import { FILM_NEIGHBOURHOOD, PERSON_NEIGHBOURHOOD } from '../queries';
import { GraphView } from './GraphView';
import { MAX_NODES, PictureBuilder, type Picture, type PictureNode } from './model';

type FilmRef = { __typename: 'Film'; id: string; slug: string; title: string; year?: number | null };
type PersonRef = { __typename: 'Person'; id: string; slug: string; name: string };
type FranchiseRef = { __typename: 'Franchise'; id: string; slug: string; name: string };

interface FilmNeighbourhoodData {
  film: (FilmRef & {
    roles: { edges: { node: { id: string; kind: string; person: PersonRef } }[] };
    franchises: { franchise: FranchiseRef & { parent: FranchiseRef | null; entries: { film: FilmRef }[] } }[];
    genres: { __typename: 'Genre'; id: string; slug: string; name: string }[];
  }) | null;
}

interface PersonNeighbourhoodData {
  person: (PersonRef & {
    roles: { edges: { node: { id: string; kind: string; film: FilmRef } }[] };
    franchises: { kinds: string[]; franchise: FranchiseRef; films: { id: string }[] }[];
    collaborators: { count: number; person: PersonRef; films: { id: string }[] }[];
  }) | null;
}

const ALL_ROLE_KINDS = ['ACTOR', 'SELF', 'DIRECTOR', 'WRITER', 'PRODUCER', 'CINEMATOGRAPHER', 'EDITOR', 'COMPOSER', 'PRODUCTION_DESIGNER', 'CASTING_DIRECTOR', 'STUNTS', 'CREW'];

function node(entity: EntityRef, level: number): PictureNode {
  return { id: entity.id, label: entityName(entity), kind: entity.__typename as PictureNode['kind'], href: entityPath(entity), level };
}

/** A film, its people and franchises, and the franchises' other films: one and two steps out. */
export function filmPicture(film: NonNullable<FilmNeighbourhoodData['film']>): Picture {
  const picture = new PictureBuilder().node(node(film, 0));
  for (const { node: role } of film.roles.edges) {
    picture.node(node(role.person, 1)).edge(role.person.id, film.id, role.kind);
  }
  for (const { franchise } of film.franchises) {
    picture.node(node(franchise, 1)).edge(film.id, franchise.id, 'IN FRANCHISE');
    if (franchise.parent) picture.node(node(franchise.parent, 2)).edge(franchise.id, franchise.parent.id, 'PART OF');
    for (const entry of franchise.entries) picture.node(node(entry.film, 2)).edge(entry.film.id, franchise.id, 'IN FRANCHISE');
  }
  return picture.build(MAX_NODES);
}

/** A person, their films, the franchises of those films, and the closest collaborators on them. */
export function personPicture(person: NonNullable<PersonNeighbourhoodData['person']>): Picture {
  const picture = new PictureBuilder().node(node(person, 0));
  for (const { node: role } of person.roles.edges) {
    picture.node(node(role.film, 1)).edge(person.id, role.film.id, role.kind);
  }
  for (const { franchise, films } of person.franchises) {
    picture.node(node(franchise, 2));
    for (const film of films) picture.edge(film.id, franchise.id, 'IN FRANCHISE');
  }
  for (const { person: other, films } of person.collaborators) {
    picture.node(node(other, 2));
    // Only through films already drawn, so the picture stays two steps deep.
    for (const film of films) picture.edge(other.id, film.id, 'SHARED');
  }
  return picture.build(MAX_NODES);
}

/** The "graph" view of a film or person page; nothing is fetched or loaded until it is opened. */
export function Neighbourhood({ kind, slug, name }: { kind: 'film' | 'person'; slug: string; name: string }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="neighbourhood" aria-labelledby="neighbourhood-title">
      <h2 id="neighbourhood-title">Graph</h2>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide the graph' : 'Show the graph around ' + name}
      </button>
      {open && (kind === 'film' ? <FilmNeighbourhood slug={slug} name={name} /> : <PersonNeighbourhood slug={slug} name={name} />)}
    </section>
  );
}

function FilmNeighbourhood({ slug, name }: { slug: string; name: string }) {
  const { data, loading, error, refetch } = useQuery<FilmNeighbourhoodData>(FILM_NEIGHBOURHOOD, { variables: { slug } });
  const picture = useMemo(() => (data?.film ? filmPicture(data.film) : null), [data]);
  if (error) return <QueryError error={error} onRetry={() => void refetch()} retrying={loading} />;
  if (!picture) return <Loading what="the graph" />;
  return <GraphView picture={picture} label={`${name}: its cast and crew, franchises and their films`} />;
}

function PersonNeighbourhood({ slug, name }: { slug: string; name: string }) {
  const { data, loading, error, refetch } = useQuery<PersonNeighbourhoodData>(PERSON_NEIGHBOURHOOD, { variables: { slug, kinds: ALL_ROLE_KINDS } });
  const picture = useMemo(() => (data?.person ? personPicture(data.person) : null), [data]);
  if (error) return <QueryError error={error} onRetry={() => void refetch()} retrying={loading} />;
  if (!picture) return <Loading what="the graph" />;
  return <GraphView picture={picture} label={`${name}: films, their franchises and closest collaborators`} />;
}
