import { Link } from 'react-router-dom';
import { entityName, entityPath, type EntityRef } from '../entities';

/** A link to the entity's page, or its plain name where the Explorer has no page for it. */
export function EntityLink({ entity, children }: { entity: EntityRef; children?: React.ReactNode }) {
  const to = entityPath(entity);
  const label = children ?? entityName(entity);
  return to ? <Link to={to}>{label}</Link> : <>{label}</>;
}

/** "A, B and C" with each item rendered by `render`. */
export function Listing<T>({ items, render }: { items: T[]; render: (item: T) => React.ReactNode }) {
  return (
    <>
      {items.map((item, i) => (
        <span key={i}>
          {i > 0 && (i === items.length - 1 ? ' and ' : ', ')}
          {render(item)}
        </span>
      ))}
    </>
  );
}
