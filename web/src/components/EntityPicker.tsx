import { useId, useRef, useState } from 'react';
import { entityName, KIND_LABEL, type EntityKind, type EntityRef } from '../entities';
import { useSearch } from './useSearch';

/**
 * Picks one entity by searching as you type; the choice is shown and can be cleared. The results
 * are buttons, so Tab and Enter choose one; the down arrow moves from the box into them.
 */
export function EntityPicker({ label, value, onChange }: { label: string; value: EntityRef | null; onChange: (entity: EntityRef | null) => void }) {
  const inputId = useId();
  const listId = useId();
  const [text, setText] = useState('');
  const list = useRef<HTMLUListElement>(null);
  const { data, error, settledQuery } = useSearch(value ? '' : text, null, 8);
  const hits = settledQuery && data ? data.search : [];

  if (value) {
    return (
      <div className="picker chosen">
        <span className="picker-label">{label}</span>
        <span className="picked">
          {value.__typename === 'Role' ? (
            'loading…'
          ) : (
            <>
              <span className="kind">{KIND_LABEL[value.__typename as EntityKind]}</span> {entityName(value)}
            </>
          )}
        </span>
        <button type="button" onClick={() => onChange(null)} aria-label={`Change ${label.toLowerCase()}: ${entityName(value)}`}>
          Change
        </button>
      </div>
    );
  }
  return (
    <div className="picker">
      <label htmlFor={inputId} className="picker-label">{label}</label>
      <input
        id={inputId}
        type="search"
        value={text}
        autoComplete="off"
        placeholder="A film, person, franchise…"
        aria-controls={listId}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            list.current?.querySelector('button')?.focus();
          }
        }}
      />
      {error && <p className="muted">Search failed: {error.message}</p>}
      <ul id={listId} ref={list} className="picker-results" aria-label={`Matches for ${label.toLowerCase()}`}>
        {hits.map((hit) => (
          <li key={hit.entity.id}>
            <button type="button" onClick={() => { onChange(hit.entity); setText(''); }}>
              <span className="kind">{KIND_LABEL[hit.entity.__typename as EntityKind] ?? hit.entity.__typename}</span> {entityName(hit.entity)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
