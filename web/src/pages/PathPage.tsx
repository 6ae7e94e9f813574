import { useQuery } from '@apollo/client';
import { useId, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTitle } from '../App';
import { EntityPicker } from '../components/EntityPicker';
import { EntityLink } from '../components/EntityLink';
import { Empty, Loading, QueryError } from '../components/Status';
import { entityName, entityPath, type EntityRef } from '../entities';
import { GraphView } from '../graph/GraphView';
import { PictureBuilder, type Picture, type PictureNode } from '../graph/model';
import { ENTITIES_BY_ID, PATHS } from '../queries';

type PathLink = 'CREDIT' | 'FRANCHISE' | 'CHARACTER' | 'GENRE';
const LINKS: { link: PathLink; label: string }[] = [
  { link: 'CREDIT', label: 'Credits (person to film)' },
  { link: 'FRANCHISE', label: 'Franchises (film to franchise)' },
  { link: 'CHARACTER', label: 'Characters (person to character to franchise)' },
  { link: 'GENRE', label: 'Genres (film to genre)' },
];
/** The API's own default: genres join nearly everything, so they are asked for, never assumed. */
const DEFAULT_LINKS: PathLink[] = ['CREDIT', 'FRANCHISE', 'CHARACTER'];
const DEFAULT_HOPS = 6;

interface GraphPathData {
  length: number;
  nodes: EntityRef[];
  steps: { link: 'CREDIT' | 'FRANCHISE' | 'CHARACTER' | 'GENRE'; direction: 'FORWARD' | 'BACKWARD'; from: { id: string }; to: { id: string }; role: { id: string; kind: string; job: string | null; person: { id: string }; film: { id: string; title: string } } | null }[];
}

interface PathsData {
  shortestPath: GraphPathData | null;
  allShortestPaths: GraphPathData[];
}

interface Link {
  source: string;
  target: string;
  label: string;
}

/**
 * Which way a hop points and what it is called, as the API says (PathStep.link, .direction):
 * credits are named by the role; a character hop names the film of the role that plays it.
 */
function linkOf(step: GraphPathData['steps'][number], byId: Map<string, EntityRef>): Link {
  const forward = step.direction === 'FORWARD';
  const ends = forward ? { source: step.from.id, target: step.to.id } : { source: step.to.id, target: step.from.id };
  const sourceKind = byId.get(ends.source)?.__typename;
  const label = (() => {
    switch (step.link) {
      case 'CREDIT':
        return step.role?.kind ?? 'CREDIT';
      case 'CHARACTER':
        return sourceKind === 'Person' ? (step.role ? `PLAYS in ${step.role.film.title}` : 'PLAYS') : 'FROM';
      case 'FRANCHISE':
        return sourceKind === 'Film' ? 'IN FRANCHISE' : 'PART OF';
      default:
        return 'IN GENRE';
    }
  })();
  return { ...ends, label };
}

/** Each hop of a path as words: Len Wiseman —DIRECTOR→ Ballerina ←ACTOR— Keanu Reeves. */
export function pathText(path: GraphPathData): string {
  const byId = new Map(path.nodes.map((n) => [n.id, n]));
  let text = path.nodes.length > 0 ? entityName(path.nodes[0]) : '';
  for (const step of path.steps) {
    const link = linkOf(step, byId);
    const next = byId.get(step.to.id);
    text += link.source === step.from.id ? ` —${link.label}→ ` : ` ←${link.label}— `;
    text += next ? entityName(next) : step.to.id;
  }
  return text;
}

/** Every path in columns by hop, so paths of equal length line up and shared entities are drawn once. */
function pathPicture(paths: GraphPathData[]): Picture {
  const picture = new PictureBuilder();
  const rows = new Map<number, string[]>();
  for (const path of paths) {
    const byId = new Map(path.nodes.map((n) => [n.id, n]));
    path.nodes.forEach((entity, column) => {
      const column_ = rows.get(column) ?? [];
      if (!column_.includes(entity.id)) column_.push(entity.id);
      rows.set(column, column_);
      const last = path.nodes.length - 1;
      const node: PictureNode = {
        id: entity.id,
        label: entityName(entity),
        kind: entity.__typename as PictureNode['kind'],
        href: entityPath(entity),
        level: column === 0 || column === last ? 0 : 1,
        position: { x: column * 200, y: column_.indexOf(entity.id) * 110 },
      };
      picture.node(node);
    });
    for (const step of path.steps) {
      const link = linkOf(step, byId);
      picture.edge(link.source, link.target, link.label);
    }
  }
  // Centre each column on the others, so a path with one branch is not drawn leaning.
  const built = picture.build();
  const tallest = Math.max(...[...rows.values()].map((r) => r.length));
  for (const node of built.nodes) {
    const column = [...rows.entries()].find(([, ids]) => ids.includes(node.id));
    if (column && node.position) node.position = { x: node.position.x, y: node.position.y + ((tallest - column[1].length) * 110) / 2 };
  }
  return built;
}

/** `/path?from=<id>&to=<id>&via=CREDIT,FRANCHISE&hops=6`: everything in the URL, so a path can be shared. */
export function PathPage() {
  const hopsId = useId();
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const via = params.has('via') ? (params.get('via') ?? '').split(',').filter((v): v is PathLink => LINKS.some((l) => l.link === v)) : DEFAULT_LINKS;
  const hopsParam = Number(params.get('hops'));
  const maxHops = Number.isInteger(hopsParam) && hopsParam >= 1 && hopsParam <= 10 ? hopsParam : DEFAULT_HOPS;

  const ids = [from, to].filter((id): id is string => Boolean(id));
  const named = useQuery<{ nodes: (EntityRef | null)[] }>(ENTITIES_BY_ID, { variables: { ids }, skip: ids.length === 0 });
  const entity = (id: string | null) => (id ? named.data?.nodes.find((n) => n?.id === id) ?? null : null);
  const fromEntity = entity(from);
  const toEntity = entity(to);
  useTitle(fromEntity && toEntity ? `${entityName(fromEntity)} to ${entityName(toEntity)}` : 'Path finder');

  const ready = Boolean(from && to) && via.length > 0;
  const paths = useQuery<PathsData>(PATHS, { variables: { from, to, via, maxHops }, skip: !ready });

  const update = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };

  const picture = useMemo(() => (paths.data && paths.data.allShortestPaths.length > 0 ? pathPicture(paths.data.allShortestPaths) : null), [paths.data]);

  return (
    <>
      <h1>Path finder</h1>
      <p>How are two films, people, franchises, characters or genres connected? Pick both ends.</p>
      <form className="path-form" onSubmit={(e) => e.preventDefault()}>
        {named.error ? (
          <QueryError error={named.error} onRetry={() => void named.refetch()} retrying={named.loading} />
        ) : (
          <div className="pickers">
            <EntityPicker label="From" value={from ? fromEntity ?? (named.loading ? placeholder(from) : null) : null} onChange={(e) => update({ from: e?.id ?? null })} />
            <EntityPicker label="To" value={to ? toEntity ?? (named.loading ? placeholder(to) : null) : null} onChange={(e) => update({ to: e?.id ?? null })} />
          </div>
        )}
        <fieldset>
          <legend>Links the path may use</legend>
          {LINKS.map(({ link, label }) => (
            <label key={link}>
              <input
                type="checkbox"
                checked={via.includes(link)}
                onChange={(e) => update({ via: (e.target.checked ? [...via, link] : via.filter((v) => v !== link)).join(',') })}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <p>
          <label htmlFor={hopsId}>Most hops </label>
          <input id={hopsId} type="number" min={1} max={10} value={maxHops} onChange={(e) => update({ hops: e.target.value })} />
        </p>
      </form>

      <section aria-labelledby="path-result" aria-live="polite">
        <h2 id="path-result">Shortest path</h2>
        {!ready && <Empty>{via.length === 0 ? 'Tick at least one kind of link.' : 'Pick where the path starts and where it ends.'}</Empty>}
        {ready && paths.error && <QueryError error={paths.error} onRetry={() => void paths.refetch()} retrying={paths.loading} />}
        {ready && !paths.error && !paths.data && <Loading what="the path" />}
        {ready && !paths.error && paths.data && !paths.data.shortestPath && <Empty>No path within {maxHops} hops over these links.</Empty>}
        {ready && !paths.error && paths.data?.shortestPath && (
          <>
            <p className="path-summary">
              {paths.data.shortestPath.length} hop{paths.data.shortestPath.length === 1 ? '' : 's'}:{' '}
              <span className="path-text">{pathText(paths.data.shortestPath)}</span>
            </p>
            <ol className="path-nodes" aria-label="Entities along the shortest path">
              {paths.data.shortestPath.nodes.map((n) => (
                <li key={n.id}><EntityLink entity={n} /></li>
              ))}
            </ol>
            <h2>All shortest paths ({paths.data.allShortestPaths.length})</h2>
            <ul className="all-paths">
              {paths.data.allShortestPaths.map((path, i) => (
                <li key={i} className="path-text">{pathText(path)}</li>
              ))}
            </ul>
            {picture && <GraphView picture={picture} label={`All shortest paths from ${entityName(paths.data.shortestPath.nodes[0])}`} layout="fixed" />}
          </>
        )}
      </section>
    </>
  );
}

/** Stands in while the names of the ids in the URL are on their way. */
function placeholder(id: string): EntityRef {
  return { __typename: 'Role', id };
}
