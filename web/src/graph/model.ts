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
}

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

  build(): Picture {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()].filter((e) => this.nodes.has(e.source) && this.nodes.has(e.target)) };
  }
}
