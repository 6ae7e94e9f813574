import { useQuery } from '@apollo/client';
import { useParams } from 'react-router-dom';
import { useTitle } from '../App';
import { EntityLink } from '../components/EntityLink';
import { Empty, Loading, QueryError } from '../components/Status';
import { GENRE_PAGE } from '../queries';

interface GenrePageData {
  genre: {
    id: string; slug: string; name: string;
    films: { totalCount: number; edges: { cursor: string; node: { __typename: 'Film'; id: string; slug: string; title: string; year: number | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  } | null;
}

export function GenrePage() {
  const { slug = '' } = useParams();
  const { data, loading, error, refetch, fetchMore } = useQuery<GenrePageData>(GENRE_PAGE, {
    variables: { slug, first: 20 },
    // As for the filmography: a refresh of page one would drop the pages loaded after it.
    fetchPolicy: 'cache-first',
  });
  const genre = data?.genre;
  useTitle(genre ? genre.name : loading ? null : 'Genre not found');

  if (error) return <QueryError error={error} onRetry={() => void refetch()} retrying={loading} />;
  if (!data) return <Loading what="the genre" />;
  if (!genre) return <Empty>No genre has the address “{slug}”.</Empty>;
  const { films } = genre;
  return (
    <article>
      <header className="page-head">
        <p className="kind kind-genre">Genre</p>
        <h1>{genre.name}</h1>
        <p className="facts">{films.totalCount} films</p>
      </header>
      <ul>
        {films.edges.map(({ node: film }) => (
          <li key={film.id}><EntityLink entity={film} /></li>
        ))}
      </ul>
      {films.pageInfo.hasNextPage && (
        <button type="button" disabled={loading} onClick={() => void fetchMore({ variables: { after: films.pageInfo.endCursor } })}>
          {loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </article>
  );
}
