import { useQuery } from '@apollo/client';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTitle } from '../App';
import { EntityLink, Listing } from '../components/EntityLink';
import { Empty, Loading, QueryError } from '../components/Status';
import { humanise, ordinal } from '../entities';
import { FRANCHISE_PAGE } from '../queries';

type PersonRef = { __typename: 'Person'; id: string; slug: string; name: string };
type FilmRef = { __typename: 'Film'; id: string; slug: string; title: string; year: number | null };
type FranchiseRef = { __typename: 'Franchise'; id: string; slug: string; name: string };

interface FranchisePageData {
  franchise: {
    id: string; slug: string; name: string; description: string | null;
    parent: FranchiseRef | null;
    children: FranchiseRef[];
    entries: { kind: string; releaseOrder: number | null; chronologicalOrder: number | null; film: FilmRef & { releaseDate: string | null } }[];
    characters: { __typename: 'Character'; id: string; slug: string; name: string; portrayals: { id: string; person: PersonRef; film: FilmRef }[] }[];
    people: { kinds: string[]; person: PersonRef; films: FilmRef[] }[];
  } | null;
}

type Order = 'RELEASE' | 'CHRONOLOGICAL';

/** `?order=story` shows the story's own order; the default is release order. */
export function FranchisePage() {
  const { slug = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const order: Order = params.get('order') === 'story' ? 'CHRONOLOGICAL' : 'RELEASE';
  const { data, previousData, loading, error, refetch } = useQuery<FranchisePageData>(FRANCHISE_PAGE, { variables: { slug, order } });
  // While the other order loads, the page keeps the one it has rather than blanking.
  const shown = data ?? previousData;
  const franchise = shown?.franchise;
  useTitle(franchise ? franchise.name : loading ? null : 'Franchise not found');

  if (error) return <QueryError error={error} onRetry={() => void refetch()} retrying={loading} />;
  if (!shown) return <Loading what="the franchise" />;
  if (!franchise) return <Empty>No franchise has the address “{slug}”.</Empty>;

  const setOrder = (next: Order) => {
    const search = new URLSearchParams(params);
    if (next === 'CHRONOLOGICAL') search.set('order', 'story');
    else search.delete('order');
    setParams(search);
  };

  return (
    <article className="franchise">
      <header className="page-head">
        <p className="kind kind-franchise">Franchise</p>
        <h1>{franchise.name}</h1>
        {franchise.parent && (
          <p>
            Part of <EntityLink entity={franchise.parent} />
          </p>
        )}
        {franchise.children.length > 0 && (
          <p>
            Contains <Listing items={franchise.children} render={(child) => <EntityLink entity={child} />} />
          </p>
        )}
        {franchise.description && <p className="overview">{franchise.description}</p>}
      </header>

      <section aria-labelledby="franchise-timeline">
        <h2 id="franchise-timeline">Timeline</h2>
        <div className="switch" role="group" aria-label="Order of the films">
          <button type="button" aria-pressed={order === 'RELEASE'} onClick={() => setOrder('RELEASE')}>
            Release order
          </button>
          <button type="button" aria-pressed={order === 'CHRONOLOGICAL'} onClick={() => setOrder('CHRONOLOGICAL')}>
            Story order
          </button>
        </div>
        {franchise.entries.length === 0 ? (
          <Empty>No films are recorded in this franchise.</Empty>
        ) : (
          <ol className="timeline" aria-busy={loading} data-order={order}>
            {franchise.entries.map((entry, i) => (
              <li key={entry.film.id} className={entry.kind === 'SPIN_OFF' ? 'spin-off' : undefined}>
                <span className="position" aria-hidden="true">{(order === 'RELEASE' ? entry.releaseOrder : entry.chronologicalOrder) ?? i + 1}</span>
                <span>
                  <EntityLink entity={entry.film} />
                  {entry.kind === 'SPIN_OFF' && <span className="badge">spin-off</span>}
                  {entry.kind === 'OTHER' && <span className="badge">other</span>}
                  <span className="muted">
                    {' '}
                    {entry.releaseOrder ? `released ${ordinal(entry.releaseOrder)}` : ''}
                    {entry.chronologicalOrder ? `, ${ordinal(entry.chronologicalOrder)} in the story` : ''}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="franchise-characters">
        <h2 id="franchise-characters">Recurring characters</h2>
        {franchise.characters.length === 0 ? (
          <Empty>No recurring characters are recorded.</Empty>
        ) : (
          <ul className="characters">
            {franchise.characters.map((character) => (
              <li key={character.id}>
                <EntityLink entity={character} />:{' '}
                {character.portrayals.length === 0 ? (
                  <span className="muted">no portrayal recorded</span>
                ) : (
                  <Listing
                    items={byPerson(character.portrayals)}
                    render={({ person, films }) => (
                      <>
                        <EntityLink entity={person} /> in <Listing items={films} render={(film) => <EntityLink entity={film} />} />
                      </>
                    )}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="franchise-people">
        <h2 id="franchise-people">People across the franchise</h2>
        {franchise.people.length === 0 ? (
          <Empty>Nobody is recorded.</Empty>
        ) : (
          <table>
            <thead>
              <tr><th scope="col">Person</th><th scope="col">As</th><th scope="col">Films</th></tr>
            </thead>
            <tbody>
              {franchise.people.map((p) => (
                <tr key={p.person.id}>
                  <td><EntityLink entity={p.person} /></td>
                  <td>{p.kinds.map((k) => humanise(k)).join(', ')}</td>
                  <td>{p.films.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}

/** Portrayals come in release order; one actor's run in a part reads better as one entry. */
function byPerson<P extends { id: string }, F>(portrayals: { person: P; film: F }[]): { person: P; films: F[] }[] {
  const runs = new Map<string, { person: P; films: F[] }>();
  for (const { person, film } of portrayals) {
    const run = runs.get(person.id) ?? { person, films: [] };
    run.films.push(film);
    runs.set(person.id, run);
  }
  return [...runs.values()];
}
