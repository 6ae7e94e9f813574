import { useEffect, useRef } from 'react';
import { Link, NavLink, Route, Routes, useLocation } from 'react-router-dom';
import { CharacterPage } from './pages/CharacterPage';
import { FilmPage } from './pages/FilmPage';
import { FranchisePage } from './pages/FranchisePage';
import { GenrePage } from './pages/GenrePage';
import { PathPage } from './pages/PathPage';
import { PersonPage } from './pages/PersonPage';
import { SearchPage } from './pages/SearchPage';

// The server answers these same routes with the page (src/server/explorer), so keep the two in step.
export function App() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After a client-side navigation, focus moves to the new page as a screen reader user expects
  // from a page load; not on the first render, where the browser already did it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="site">
        <Link to="/" className="brand">Reelgraph <span>Explorer</span></Link>
        <nav aria-label="Main">
          <NavLink to="/" end>Search</NavLink>
          <NavLink to="/path">Path finder</NavLink>
          <a href="/graphql">GraphiQL</a>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Routes>
          <Route path="/" element={<SearchPage />} />
          <Route path="/film/:slug" element={<FilmPage />} />
          <Route path="/person/:slug" element={<PersonPage />} />
          <Route path="/franchise/:slug" element={<FranchisePage />} />
          <Route path="/character/:slug" element={<CharacterPage />} />
          <Route path="/genre/:slug" element={<GenrePage />} />
          <Route path="/path" element={<PathPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
      <footer className="site">
        Data from the Reelgraph API at <a href="/graphql">/graphql</a>.
      </footer>
    </>
  );
}

function NotFound() {
  useTitle('Not found');
  return (
    <>
      <h1>Nothing here</h1>
      <p>
        This address is not a page of the Explorer. <Link to="/">Search the graph</Link> instead.
      </p>
    </>
  );
}

/** The tab's title, so history and bookmarks name the page. */
export function useTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Reelgraph Explorer` : 'Reelgraph Explorer';
  }, [title]);
}
