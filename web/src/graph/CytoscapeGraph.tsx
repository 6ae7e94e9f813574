// Its own chunk (loaded through React.lazy by GraphView): Cytoscape is most of the Explorer's
// JavaScript, and only a reader who opens a graph should pay for it.
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import type { NodeKind, Picture } from './model';

const COLOURS: Record<NodeKind, string> = {
  Film: '#1d4e89',
  Person: '#b23a48',
  Franchise: '#2a7f62',
  Character: '#7a4fa3',
  Genre: '#8a6d1f',
};

export default function CytoscapeGraph({ picture, label, layout }: { picture: Picture; label: string; layout: 'rings' | 'fixed' }) {
  const container = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();

  useEffect(() => {
    if (!container.current) return;
    const maxLevel = Math.max(0, ...picture.nodes.map((n) => n.level));
    const cy = cytoscape({
      container: container.current,
      elements: [
        ...picture.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, label: n.label, kind: n.kind, href: n.href, level: n.level }, position: n.position })),
        ...picture.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target, label: e.label } })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'background-color': (node: cytoscape.NodeSingular) => COLOURS[node.data('kind') as NodeKind] ?? '#555',
            color: '#1b1b1b',
            'font-size': 11,
            'text-valign': 'bottom',
            'text-margin-y': 4,
            'text-wrap': 'wrap',
            'text-max-width': (node: cytoscape.NodeSingular) => (node.data('level') === 0 ? '160px' : '90px'),
            'font-weight': (node: cytoscape.NodeSingular) => (node.data('level') === 0 ? 'bold' : 'normal'),
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.85,
            'text-background-padding': '2px',
            width: (node: cytoscape.NodeSingular) => (node.data('level') === 0 ? 34 : 22),
            height: (node: cytoscape.NodeSingular) => (node.data('level') === 0 ? 34 : 22),
          },
        },
        { selector: 'node[kind = "Franchise"]', style: { shape: 'round-rectangle' } },
        { selector: 'node[kind = "Person"]', style: { shape: 'ellipse' } },
        { selector: 'node[kind = "Film"]', style: { shape: 'rectangle' } },
        {
          selector: 'edge',
          style: {
            label: 'data(label)',
            width: 1.5,
            'line-color': '#9aa5b1',
            'target-arrow-color': '#9aa5b1',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            'font-size': 9,
            color: '#3b4754',
            'text-rotation': 'autorotate',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.85,
            'text-background-padding': '1px',
            // A neighbourhood has dozens of edges: their names show for the node under the pointer
            // (or focused by a tap) rather than all at once over each other.
            'text-opacity': layout === 'fixed' ? 1 : 0,
          },
        },
        { selector: 'edge.named', style: { 'text-opacity': 1, 'line-color': '#4a5a6a', 'target-arrow-color': '#4a5a6a', width: 2.5, 'z-index': 10 } },
      ],
      layout:
        layout === 'fixed'
          ? { name: 'preset', padding: 40 }
          : {
              // Rings by distance from the centre, each node given room for its label: the inner
              // ring's people and films, the outer ring's franchises, collaborators and films.
              name: 'concentric',
              concentric: (node: cytoscape.NodeSingular) => maxLevel + 1 - Number(node.data('level')),
              levelWidth: () => 1,
              minNodeSpacing: 70,
              spacingFactor: 1,
              avoidOverlap: true,
              nodeDimensionsIncludeLabels: true,
              startAngle: (3 / 2) * Math.PI,
              padding: 24,
              animate: false,
            },
      minZoom: 0.2,
      maxZoom: 3,
      wheelSensitivity: 0.3,
    });
    cy.on('mouseover', 'node', (event) => event.target.connectedEdges().addClass('named'));
    cy.on('mouseout', 'node', (event) => event.target.connectedEdges().removeClass('named'));
    cy.on('tap', 'node', (event) => {
      const href = event.target.data('href') as string | null;
      if (href) navigate(href);
    });
    const element = container.current;
    // The canvas hides its nodes from the DOM; the instance on the element lets the browser tests
    // (and a curious developer's console) find where a node is drawn.
    Object.assign(element, { reelgraphCy: cy });
    element.dataset.nodes = String(cy.nodes().length);
    element.dataset.edges = String(cy.edges().length);
    return () => {
      delete element.dataset.nodes;
      delete element.dataset.edges;
      cy.destroy();
    };
  }, [picture, layout, navigate]);

  return <div ref={container} className="graph-canvas" role="img" aria-label={label} />;
}
