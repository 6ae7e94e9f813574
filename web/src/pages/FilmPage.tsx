import { useQuery } from '@apollo/client';
import { useParams } from 'react-router-dom';
import { useTitle } from '../App';
import { EntityLink, Listing } from '../components/EntityLink';
import { ReviewBody, type MentionData } from '../components/ReviewBody';
import { Empty, Loading, QueryError } from '../components/Status';
import { humanise, ordinal, type EntityRef } from '../entities';
import { Neighbourhood } from '../graph/Neighbourhood';
import { FILM_PAGE } from '../queries';

type PersonRef = { __typename: 'Person'; id: string; slug: string; name: string };
type FilmRef = { __typename: 'Film'; id: string; slug: string; title: string; year: number | null };

interface FilmPageData {
  film: {
    id: string; slug: string; title: string; year: number | null; releaseDate: string | null; runtimeMinutes: number | null; overview: string | null; originalTitle: string | null;
    genres: { __typename: 'Genre'; id: string; slug: string; name: string }[];
    directors: PersonRef[];
    cast: { id: string; kind: string; billingOrder: number | null; characters: string[]; credited: boolean; person: PersonRef; character: { __typename: 'Character'; id: string; slug: string; name: string } | null }[];
    crew: { id: string; kind: string; job: string | null; credited: boolean; person: PersonRef }[];
    franchises: { kind: string; releaseOrder: number | null; chronologicalOrder: number | null; franchise: { __typename: 'Franchise'; id: string; slug: string; name: string } }[];
    related: { score: number; film: FilmRef; reasons: { kind: string; via: EntityRef }[] }[];
    reviewSummary: { count: number; averageScore: number | null };
    reviews: { totalCount: number; edges: { node: Review }[] };
  } | null;
}

type CrewRole = NonNullable<FilmPageData['film']>['crew'][number];

interface Review {
  id: string; author: string | null; publication: string | null; headline: string | null; body: string | null;
  rating: number | null; ratingScale: number | null; score: number | null; publishedOn: string | null; url: string | null;
  mentions: MentionData[];
}

const REASONS: Record<string, string> = {
  SAME_FRANCHISE: 'Same franchise',
  SHARED_CAST: 'Shared cast',
  SHARED_CREW: 'Shared crew',
  SHARED_GENRE: 'Shared genre',
};

export function FilmPage() {
  const { slug = '' } = useParams();
  const { data, loading, error, refetch } = useQuery<FilmPageData>(FILM_PAGE, { variables: { slug } });
  const film = data?.film;
  useTitle(film ? film.title : loading ? null : 'Film not found');

  if (error) return <QueryError error={error} onRetry={() => void refetch()} retrying={loading} />;
  if (!data) return <Loading what="the film" />;
  if (!film) return <Empty>No film has the address “{slug}”.</Empty>;

  const crewByKind = new Map<string, CrewRole[]>();
  for (const role of film.crew) crewByKind.set(role.kind, [...(crewByKind.get(role.kind) ?? []), role]);

  return (
    <article className="film">
      <header className="page-head">
        <p className="kind kind-film">Film</p>
        <h1>{film.title}</h1>
        <p className="facts">
          {[film.year, film.runtimeMinutes && `${film.runtimeMinutes} min`, film.releaseDate && `released ${film.releaseDate}`].filter(Boolean).join(' · ')}
        </p>
        {film.genres.length > 0 && (
          <p>
            <Listing items={film.genres} render={(g) => <EntityLink entity={g} />} />
          </p>
        )}
        {film.directors.length > 0 && (
          <p>
            Directed by <Listing items={film.directors} render={(p) => <EntityLink entity={p} />} />
          </p>
        )}
        {film.overview && <p className="overview">{film.overview}</p>}
      </header>

      {film.franchises.length > 0 && (
        <section aria-labelledby="film-franchises">
          <h2 id="film-franchises">In franchises</h2>
          <ul>
            {film.franchises.map((entry) => (
              <li key={entry.franchise.id}>
                <EntityLink entity={entry.franchise} />: {entry.releaseOrder ? `${ordinal(entry.releaseOrder)} by release` : 'release position unknown'}
                {entry.chronologicalOrder ? `, ${ordinal(entry.chronologicalOrder)} in story order` : ', story position unknown'}
                {entry.kind === 'SPIN_OFF' && <span className="badge">spin-off</span>}
                {entry.kind === 'OTHER' && <span className="badge">other</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="film-cast">
        <h2 id="film-cast">Cast</h2>
        {film.cast.length === 0 ? (
          <Empty>No cast is recorded.</Empty>
        ) : (
          <table className="cast">
            <thead>
              <tr><th scope="col">#</th><th scope="col">Actor</th><th scope="col">As</th></tr>
            </thead>
            <tbody>
              {film.cast.map((role) => (
                <tr key={role.id}>
                  <td>{role.billingOrder ?? '–'}</td>
                  <td>
                    <EntityLink entity={role.person} />
                    {!role.credited && <span className="badge">uncredited</span>}
                    {role.kind === 'SELF' && <span className="badge">as self</span>}
                  </td>
                  <td>
                    {role.character ? (
                      <>
                        <EntityLink entity={role.character}>{role.characters.join(' / ') || role.character.name}</EntityLink>
                        {role.characters.length > 0 && !role.characters.includes(role.character.name) && <span className="muted"> (recurring character {role.character.name})</span>}
                      </>
                    ) : (
                      role.characters.join(' / ') || '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="film-crew">
        <h2 id="film-crew">Crew</h2>
        {film.crew.length === 0 ? (
          <Empty>No crew is recorded.</Empty>
        ) : (
          <dl className="crew">
            {[...crewByKind].map(([kind, roles]) => (
              <div key={kind}>
                <dt>{humanise(kind)}</dt>
                <dd>
                  <ul>
                    {roles.map((role) => (
                      <li key={role.id}>
                        <EntityLink entity={role.person} />
                        {role.job && role.job.toLowerCase() !== humanise(kind).toLowerCase() && <span className="muted"> ({role.job})</span>}
                        {!role.credited && <span className="badge">uncredited</span>}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section aria-labelledby="film-related">
        <h2 id="film-related">Related films</h2>
        {film.related.length === 0 ? (
          <Empty>Nothing in the graph is close to this film.</Empty>
        ) : (
          <ol className="related">
            {film.related.map((related) => (
              <li key={related.film.id}>
                <EntityLink entity={related.film} /> <span className="score">score {related.score}</span>
                <ul className="reasons">
                  {Object.entries(groupReasons(related.reasons)).map(([kind, vias]) => (
                    <li key={kind}>
                      {REASONS[kind] ?? humanise(kind)}: <Listing items={vias} render={(via) => <EntityLink entity={via} />} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="film-reviews">
        <h2 id="film-reviews">Reviews</h2>
        {film.reviewSummary.count > 0 && (
          <p>
            {film.reviewSummary.count} review{film.reviewSummary.count === 1 ? '' : 's'}
            {film.reviewSummary.averageScore !== null && `, average score ${Math.round(film.reviewSummary.averageScore)}/100`}
          </p>
        )}
        {film.reviews.edges.length === 0 ? (
          <Empty>No reviews yet.</Empty>
        ) : (
          film.reviews.edges.map(({ node: review }) => (
            <article key={review.id} className="review">
              <h3>{review.headline ?? 'Review'}</h3>
              <p className="muted">
                {[review.author, review.publication, review.publishedOn].filter(Boolean).join(' · ')}
                {review.score !== null && (
                  <span className="badge score-badge" aria-label={`score ${review.score} out of 100`}>
                    {review.rating !== null && review.ratingScale !== null ? `${review.rating}/${review.ratingScale}` : `${review.score}/100`}
                  </span>
                )}
              </p>
              {review.body && <ReviewBody body={review.body} mentions={review.mentions} />}
            </article>
          ))
        )}
      </section>

      <Neighbourhood kind="film" slug={film.slug} name={film.title} />
    </article>
  );
}

function groupReasons(reasons: { kind: string; via: EntityRef }[]): Record<string, EntityRef[]> {
  const groups: Record<string, EntityRef[]> = {};
  for (const reason of reasons) (groups[reason.kind] ??= []).push(reason.via);
  return groups;
}
