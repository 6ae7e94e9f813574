import { shortPrefixOf, untiedQuery, wordStartPattern } from './prefix';

// The pattern is Java's (Cypher's =~); tests/search/prefix-walk.int.test.ts runs it in Neo4j
// against the index itself. Here: which queries walk, and what the pattern is made of.

describe('shortPrefixOf', () => {
  it('takes one short term of plain letters or digits', () => {
    expect(shortPrefixOf(['ke'])).toBe('ke');
    expect(shortPrefixOf(['k'])).toBe('k');
    expect(shortPrefixOf(['007'])).toBe('007');
  });

  it('leaves longer terms, several terms and other letters to the full-text ranking', () => {
    expect(shortPrefixOf(['kean'])).toBeNull();
    expect(shortPrefixOf(['john', 'wi'])).toBeNull();
    // The index folds "é" in a query its own way; only a–z and digits are known to match alike.
    expect(shortPrefixOf(['é'])).toBeNull();
    expect(shortPrefixOf([])).toBeNull();
  });
});

describe('the word test', () => {
  it('asks for a word equal to the prefix, or a film holding it in both title fields', () => {
    expect(untiedQuery('ke')).toBe('ke (+title:ke* +alternativeTitlesText:ke*)');
  });

  it('leaves out the stop words the prefix begins', () => {
    expect(wordStartPattern('th')).toContain('(?!(?:that|the|their|then|there|these|they|this)');
    expect(wordStartPattern('ke')).not.toContain('(?!(?:');
  });

  it('reads letters the index folds further as it does', () => {
    // "Łódź" is "lodz" to the index; "Ærø" is "aero".
    expect(wordStartPattern('lo')).toContain('[lł](?:[oø]|œ)');
    expect(wordStartPattern('ae')).toContain('|æ');
    expect(wordStartPattern('a')).toContain('|æ');
  });
});
