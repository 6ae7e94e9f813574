import { useQuery } from '@apollo/client';
import { useId } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTitle } from '../App';
import { EntityLink, Listing } from '../components/EntityLink';
import { Empty, Loading, QueryError } from '../components/Status';
import { humanise } from '../entities';
import { Neighbourhood } from '../graph/Neighbourhood';
import { FILMOGRAPHY, PERSON_PAGE } from '../queries';

type PersonRef = { __typename: 'Person'; id: string; slug: string; name: string };
type FilmRef = { __typename: 'Film'; id: string; slug: string; title: string; year: number | null };

interface PersonPageData {
  person: {
    id: string; slug: string; name: string; birthYear: number | null; deathYear: number | null; professions: string[];
    franchises: { kinds: string[]; franchise: { __typename: 'Franchise'; id: string; slug: string; name: string }; films: FilmRef[] }[];
    collaborators: { count: number; person: PersonRef; films: FilmRef[] }[];
  } | null;
}

interface FilmographyData {
  person: {
    id: string;
    roles: {
      totalCount: number;
      edges: { cursor: string; node: { id: string; kind: string; job: string | null; characters: string[]; credited: boolean; character: { __typename: 'Character'; id: string; slug: string; name: string } | null; film: FilmRef } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
}

const KINDS = ['ACTOR', 'SELF', 'DIRECTOR', 'WRITER', 'PRODUCER', 'CINEMATOGRAPHER', 'EDITOR', 'COMPOSER', 'PRODUCTION_DESIGNER', 'CASTING_DIRECTOR', 'STUNTS', 'CREW'];
/** Short on purpose for now: the seed's busiest people have six or seven credits, and paging should be seen. */
const PAGE_SIZE = 5;

export function PersonPage() {
  const { slug = '' } = useParams();
  const { data, loading, error, refetch } = useQuery<PersonPageData>(PERSON_PAGE, { variables: { slug } });
  const person = data?.person;
  useTitle(person ? person.name : loading ? null : 'Person not found');

  if (error) return <QueryError error={error} onRetry={() => void refetch()} retrying={loading} />;
  if (!data) return <Loading what="the person" />;
  if (!person) return <Empty>No person has the address “{slug}”.</Empty>;

  const years = person.birthYear ? `${person.birthYear}${person.deathYear ? `–${person.deathYear}` : ''}` : null;
  return (
    <article className="person">
      <header className="page-head">
        <p className="kind kind-person">Person</p>
        <h1>{person.name}</h1>
        <p className="facts">{[years && `born ${years}`, person.professions.join(', ')].filter(Boolean).join(' · ')}</p>
      </header>

      <Filmography slug={slug} />

      <section aria-labelledby="person-franchises">
        <h2 id="person-franchises">Franchises</h2>
        {person.franchises.length === 0 ? (
          <Empty>No franchise work is recorded.</Empty>
        ) : (
          <ul>
            {person.franchises.map((f) => (
              <li key={f.franchise.id}>
                <EntityLink entity={f.franchise} />: as <Listing items={f.kinds} render={(k) => humanise(k).toLowerCase()} /> on{' '}
                <Listing items={f.films} render={(film) => <EntityLink entity={film} />} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="person-collaborators">
        <h2 id="person-collaborators">Closest collaborators</h2>
        {person.collaborators.length === 0 ? (
          <Empty>Nobody shares a film with {person.name} in the graph.</Empty>
        ) : (
          <ol>
            {person.collaborators.map((c) => (
              <li key={c.person.id}>
                <EntityLink entity={c.person} /> <span className="muted">({c.count} film{c.count === 1 ? '' : 's'})</span>:{' '}
                <Listing items={c.films} render={(film) => <EntityLink entity={film} />} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <Neighbourhood kind="person" slug={person.slug} name={person.name} />
    </article>
  );
}

/** Newest first, as the API orders it; the kind filter is in the URL (`?kind=DIRECTOR`). */
function Filmography({ slug }: { slug: string }) {
  const selectId = useId();
  const [params, setParams] = useSearchParams();
  const kind = KINDS.includes(params.get('kind') ?? '') ? params.get('kind') : null;
  const { data, loading, error, refetch, fetchMore } = useQuery<FilmographyData>(FILMOGRAPHY, {
    variables: { slug, kinds: kind ? [kind] : null, first: PAGE_SIZE },
    // Cache first: refreshing page one over pages already loaded would reset the list to page one
    // (relayStylePagination treats a request without `after` as a fresh start).
    fetchPolicy: 'cache-first',
  });
  const roles = data?.person?.roles;

  return (
    <section aria-labelledby="person-filmography">
      <h2 id="person-filmography">Filmography</h2>
      <p>
        <label htmlFor={selectId}>Kind of work </label>
        <select
          id={selectId}
          value={kind ?? ''}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            if (e.target.value) next.set('kind', e.target.value);
            else next.delete('kind');
            setParams(next, { replace: true });
          }}
        >
          <option value="">All kinds</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>{humanise(k)}</option>
          ))}
        </select>
      </p>
      {error && <QueryError error={error} onRetry={() => void refetch()} retrying={loading} />}
      {!error && !roles && <Loading what="the filmography" />}
      {!error && roles && roles.edges.length === 0 && <Empty>No {kind ? humanise(kind).toLowerCase() + ' ' : ''}credits.</Empty>}
      {!error && roles && roles.edges.length > 0 && (
        <>
          <p className="muted">
            Showing {roles.edges.length} of {roles.totalCount} credits, newest first.
          </p>
          <ol className="filmography">
            {roles.edges.map(({ node: role }) => (
              <li key={role.id}>
                <span className="year">{role.film.year ?? '—'}</span> <EntityLink entity={{ ...role.film, year: null }} />{' '}
                <span className="muted">
                  {humanise(role.kind)}
                  {role.job && role.job.toLowerCase() !== humanise(role.kind).toLowerCase() ? ` (${role.job})` : ''}
                  {role.characters.length > 0 && <> as {role.character ? <EntityLink entity={role.character}>{role.characters.join(' / ')}</EntityLink> : role.characters.join(' / ')}</>}
                </span>
                {!role.credited && <span className="badge">uncredited</span>}
              </li>
            ))}
          </ol>
          {roles.pageInfo.hasNextPage && (
            <button type="button" disabled={loading} onClick={() => void fetchMore({ variables: { after: roles.pageInfo.endCursor } })}>
              {loading ? 'Loading…' : `Load more (${roles.totalCount - roles.edges.length} to go)`}
            </button>
          )}
        </>
      )}
    </section>
  );
}
