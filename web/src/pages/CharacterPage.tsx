import { useQuery } from '@apollo/client';
import { useParams } from 'react-router-dom';
import { useTitle } from '../App';
import { EntityLink } from '../components/EntityLink';
import { Empty, Loading, QueryError } from '../components/Status';
import { CHARACTER_PAGE } from '../queries';

interface CharacterPageData {
  character: {
    id: string; slug: string; name: string;
    franchise: { __typename: 'Franchise'; id: string; slug: string; name: string } | null;
    portrayals: { id: string; characters: string[]; credited: boolean; person: { __typename: 'Person'; id: string; slug: string; name: string }; film: { __typename: 'Film'; id: string; slug: string; title: string; year: number | null } }[];
  } | null;
}

export function CharacterPage() {
  const { slug = '' } = useParams();
  const { data, loading, error, refetch } = useQuery<CharacterPageData>(CHARACTER_PAGE, { variables: { slug } });
  const character = data?.character;
  useTitle(character ? character.name : loading ? null : 'Character not found');

  if (error) return <QueryError error={error} onRetry={() => void refetch()} retrying={loading} />;
  if (!data) return <Loading what="the character" />;
  if (!character) return <Empty>No character has the address “{slug}”.</Empty>;
  return (
    <article>
      <header className="page-head">
        <p className="kind kind-character">Character</p>
        <h1>{character.name}</h1>
        {character.franchise && <p>From <EntityLink entity={character.franchise} /></p>}
      </header>
      <section aria-labelledby="character-portrayals">
        <h2 id="character-portrayals">Played by</h2>
        {character.portrayals.length === 0 ? (
          <Empty>No portrayal is recorded.</Empty>
        ) : (
          <ul>
            {character.portrayals.map((p) => (
              <li key={p.id}>
                <EntityLink entity={p.person} /> in <EntityLink entity={p.film} />
                {p.characters.length > 0 && <span className="muted"> (credited as {p.characters.join(' / ')})</span>}
                {!p.credited && <span className="badge">uncredited</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
