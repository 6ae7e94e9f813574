import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { KIND_LABEL } from '../entities';
import type { Picture } from './model';

const CytoscapeGraph = lazy(() => import('./CytoscapeGraph'));

const PLURAL: Record<string, string> = { Film: 'films', Person: 'people', Franchise: 'franchises', Character: 'characters', Genre: 'genres' };

/** "+12 more not drawn (9 films, 3 people)": what the cap left out, so nobody reads the picture as whole. */
function moreNote(leftOut: NonNullable<Picture['leftOut']>): string {
  const parts = Object.entries(leftOut).filter(([, n]) => n && n > 0) as [string, number][];
  const total = parts.reduce((sum, [, n]) => sum + n, 0);
  return `+${total} more not drawn (${parts.map(([kind, n]) => `${n} ${n === 1 ? KIND_LABEL[kind as keyof typeof KIND_LABEL].toLowerCase() : PLURAL[kind]}`).join(', ')}): their pages list them all.`;
}

/**
 * A drawn picture plus the same nodes as a list of links: the canvas is for the eye and the
 * mouse, the list for the keyboard and screen readers.
 */
export function GraphView({ picture, label, layout = 'rings' }: { picture: Picture; label: string; layout?: 'rings' | 'fixed' }) {
  return (
    <figure className="graph">
      <Suspense fallback={<p className="status" role="status">Loading the graph drawing…</p>}>
        <CytoscapeGraph picture={picture} label={label} layout={layout} />
      </Suspense>
      <figcaption>
        {picture.leftOut && <p className="graph-more">{moreNote(picture.leftOut)}</p>}
        <details>
          <summary>The {picture.nodes.length} entities in this picture</summary>
          <ul className="graph-legend">
            {picture.nodes.map((n) => (
              <li key={n.id}>
                <span className={`kind kind-${n.kind.toLowerCase()}`}>{KIND_LABEL[n.kind]}</span>{' '}
                {n.href ? <Link to={n.href}>{n.label}</Link> : n.label}
              </li>
            ))}
          </ul>
        </details>
      </figcaption>
    </figure>
  );
}
