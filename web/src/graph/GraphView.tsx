import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { KIND_LABEL } from '../entities';
import type { Picture } from './model';

const CytoscapeGraph = lazy(() => import('./CytoscapeGraph'));

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
