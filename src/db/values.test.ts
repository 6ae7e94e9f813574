import neo4j from 'neo4j-driver';
import { toParams, toPlain } from './values';

describe('values crossing the driver boundary', () => {
  it('turns what Neo4j returns into plain JSON, however deep', () => {
    const fromDriver = {
      count: neo4j.int(42),
      film: { title: 'Ballerina', year: neo4j.int(2025), released: new neo4j.types.Date(2025, 6, 6), ratings: [neo4j.int(7), 7.5] },
      missing: null,
    };
    expect(toPlain(fromDriver)).toEqual({ count: 42, film: { title: 'Ballerina', year: 2025, released: '2025-06-06', ratings: [7, 7.5] }, missing: null });
  });

  it('sends whole numbers as Neo4j integers and leaves fractions and text alone', () => {
    const params = toParams({ limit: 20, score: 0.5, slug: 'ballerina-2025', keys: [{ first: 10 }] }) as any;
    expect(neo4j.isInt(params.limit)).toBe(true);
    expect(params.score).toBe(0.5);
    expect(params.slug).toBe('ballerina-2025');
    expect(neo4j.isInt(params.keys[0].first)).toBe(true);
  });
});
