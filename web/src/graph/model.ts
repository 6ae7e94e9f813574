/** A picture of part of the graph, independent of the library that draws it. */
export type NodeKind = 'Film' | 'Person' | 'Franchise' | 'Character' | 'Genre';

export interface PictureNode {
  id: string;
  label: string;
  kind: NodeKind;
  /** The Explorer page the node opens. */
  href: string | null;
  /** Steps from the picture's centre: 0 is the film or person whose page this is. */
  level: number;
  /** A fixed place, when the picture lays itself out (the path finder's columns). */
  position?: { x: number; y: number };
}

export interface PictureEdge {
  id: string;
  source: string;
  target: string;
  label: string;
}

export interface Picture {
  nodes: PictureNode[];
  edges: PictureEdge[];
  /** Nodes left out to keep the picture readable (the "+N more" note), by kind. */
  leftOut?: Partial<Record<NodeKind, number>>;
}

/** Most nodes a neighbourhood draws: past this, rings crowd and labels overlap. */
export const MAX_NODES = 36;

/** Collects nodes and edges once each, whatever order the query's answer names them in. */
export class PictureBuilder {
  private readonly nodes = new Map<string, PictureNode>();
  private readonly edges = new Map<string, PictureEdge>();

  node(node: PictureNode): this {
    const known = this.nodes.get(node.id);
    // A node reached by two routes sits at the nearer distance.
    if (!known || node.level < known.level) this.nodes.set(node.id, node);
    return this;
  }

  edge(source: string, target: string, label: string): this {
    const id = `${source}|${target}|${label}`;
    if (source !== target && !this.edges.has(id)) this.edges.set(id, { id, source, target, label });
    return this;
  }

  /**
   * The picture, at most `cap` nodes: the nearest first (the centre, then the first ring in the
   * order they were added, which is the query's order: billing, newest film), then the outer ring
   * by how many edges tie each to what is drawn. What is left out is counted, not lost silently.
   */
  build(cap = Infinity): Picture {
    const all = [...this.nodes.values()];
    let kept = all;
    const leftOut: Partial<Record<NodeKind, number>> = {};
    if (all.length > cap) {
      const degree = new Map<string, number>();
      for (const e of this.edges.values()) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
      const order = all.map((node, i) => ({ node, i })).sort((a, b) => a.node.level - b.node.level || (a.node.level >= 2 ? (degree.get(b.node.id) ?? 0) - (degree.get(a.node.id) ?? 0) : 0) || a.i - b.i);
      kept = order.slice(0, cap).map(({ node }) => node);
      for (const { node } of order.slice(cap)) leftOut[node.kind] = (leftOut[node.kind] ?? 0) + 1;
    }
    const ids = new Set(kept.map((n) => n.id));
    return { nodes: kept, edges: [...this.edges.values()].filter((e) => ids.has(e.source) && ids.has(e.target)), ...(kept.length < all.length ? { leftOut } : {}) };
  }
}
