import { useId } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTitle } from '../App';
import { EntityLink } from '../components/EntityLink';
import { Empty, Loading, QueryError } from '../components/Status';
import { useSearch, type SearchHitData, type SearchType } from '../components/useSearch';
import { KIND_LABEL, type EntityKind } from '../entities';

const TYPES: { type: SearchType; label: string }[] = [
  { type: 'FILM', label: 'Films' },
  { type: 'PERSON', label: 'People' },
  { type: 'FRANCHISE', label: 'Franchises' },
  { type: 'CHARACTER', label: 'Characters' },
  { type: 'GENRE', label: 'Genres' },
];

/** `/?q=…&types=FILM,PERSON`: the query lives in the URL, so back returns to the same results. */
export function SearchPage() {
  useTitle(null);
  const inputId = useId();
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const types = (params.get('types') ?? '').split(',').filter((t): t is SearchType => TYPES.some((known) => known.type === t));
  const { data, loading, error, refetch, settledQuery, pending } = useSearch(text, types, 20);

  const update = (next: { q?: string; types?: SearchType[] }) => {
    const q = next.q ?? text;
    const t = next.types ?? types;
    const search = new URLSearchParams();
    if (q) search.set('q', q);
    if (t.length > 0) search.set('types', t.join(','));
    // Typing replaces the history entry, so back leaves the search rather than undoing letters.
    setParams(search, { replace: true });
  };

  return (
    <>
      <h1>Search the film graph</h1>
      <form role="search" onSubmit={(e) => e.preventDefault()} className="search">
        <label htmlFor={inputId}>Film, person, franchise, character or genre</label>
        <input
          id={inputId}
          type="search"
          autoFocus
          autoComplete="off"
          value={text}
          placeholder="e.g. skarsgard, john wick, ballerina"
          onChange={(e) => update({ q: e.target.value })}
        />
        <fieldset className="types">
          <legend>Only these kinds</legend>
          {TYPES.map(({ type, label }) => (
            <label key={type}>
              <input
                type="checkbox"
                checked={types.includes(type)}
                onChange={(e) => update({ types: e.target.checked ? [...types, type] : types.filter((t) => t !== type) })}
              />
              {label}
            </label>
          ))}
        </fieldset>
      </form>
      <section aria-label="Results" aria-live="polite" aria-busy={loading || pending}>
        {!settledQuery && !pending && <Intro />}
        {error && <QueryError error={error} onRetry={() => void refetch()} retrying={loading} />}
        {settledQuery && !error && loading && !data && <Loading what="matches" />}
        {settledQuery && !error && data && data.search.length === 0 && <Empty>Nothing in the graph matches “{settledQuery}”.</Empty>}
        {settledQuery && !error && data && data.search.length > 0 && (
          <ol className="results">
            {data.search.map((hit) => (
              <li key={hit.entity.id}>
                <span className={`kind kind-${hit.entity.__typename.toLowerCase()}`}>{KIND_LABEL[hit.entity.__typename as EntityKind] ?? hit.entity.__typename}</span>
                <EntityLink entity={hit.entity} />
                <Detail hit={hit} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

function Detail({ hit }: { hit: SearchHitData }) {
  const { entity } = hit;
  // Found by another title than the one shown (an alternative title): say which.
  const primary = 'title' in entity ? entity.title : 'name' in entity ? entity.name : null;
  if (hit.matchedName && primary && hit.matchedName !== primary) return <span className="muted matched"> as “{hit.matchedName}”</span>;
  if (entity.__typename === 'Person' && (entity.professions?.length || entity.birthYear)) {
    return <span className="muted"> {[entity.professions?.join(', '), entity.birthYear && `born ${entity.birthYear}`].filter(Boolean).join(' · ')}</span>;
  }
  if (entity.__typename === 'Character' && entity.franchise) return <span className="muted"> in {entity.franchise.name}</span>;
  return null;
}

function Intro() {
  return (
    <div className="intro">
      <p>
        Type a few letters: results come as you type, and accents are optional (“skarsgard” finds Bill Skarsgård).
      </p>
      <p>
        Or try a page: <Link to="/film/ballerina-2025">Ballerina</Link>, <Link to="/person/keanu-reeves">Keanu Reeves</Link>,{' '}
        <Link to="/franchise/john-wick">the John Wick franchise</Link>, or the <Link to="/path">path finder</Link>.
      </p>
    </div>
  );
}
