import { compactCypher } from './compact';

describe('compactCypher', () => {
  it('collapses indentation and drops line comments', () => {
    const cypher = `MATCH (f:Film {id: $id})
       // the film's genres, by name
       CALL (f) {
         MATCH (f)-[:IN_GENRE]->(g:Genre)   RETURN g
       }
       RETURN f`;
    expect(compactCypher(cypher)).toBe('MATCH (f:Film {id: $id}) CALL (f) { MATCH (f)-[:IN_GENRE]->(g:Genre) RETURN g } RETURN f');
  });

  it('leaves string literals and quoted names alone, comment marks and spaces included', () => {
    const cypher = `RETURN 'a  //  b' AS \`two  words\`, "it\\"s   \n here" AS x  // gone`;
    expect(compactCypher(cypher)).toBe(`RETURN 'a  //  b' AS \`two  words\`, "it\\"s   \n here" AS x`);
  });
});
