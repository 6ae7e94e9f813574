import { fold } from '../model/slug';
import { Candidate, findMentions } from './mention.matcher';

/** A stand-in for the name index: what each folded name names. */
function index(entities: Candidate[]): (key: string) => Candidate[] {
  return (key) => entities.filter((e) => e.names.some((n) => fold(n).replace(/\s+/g, ' ') === key));
}

const JOHN_WICK: Candidate[] = [
  { id: 'film_jw', label: 'Film', names: ['John Wick'] },
  { id: 'franchise_jw', label: 'Franchise', names: ['John Wick'] },
  { id: 'character_jw', label: 'Character', names: ['John Wick'] },
  { id: 'film_jw4', label: 'Film', names: ['John Wick: Chapter 4'] },
  { id: 'person_keanu', label: 'Person', names: ['Keanu Reeves'] },
];

const found = (text: string, entities: Candidate[]) => findMentions(text, index(entities)).map((m) => [m.entityId, m.text]);

describe('findMentions', () => {
  it('prefers the longest name and only matches whole words', () => {
    expect(found('John Wick: Chapter 4 outdoes John Wickham, and John Wicks too.', JOHN_WICK)).toEqual([['film_jw4', 'John Wick: Chapter 4']]);
  });

  it('decides a shared name by the words around it', () => {
    expect(found('The John Wick franchise grew.', JOHN_WICK)).toEqual([['franchise_jw', 'John Wick']]);
    expect(found('Fans of the John Wick films know it.', JOHN_WICK)).toEqual([['franchise_jw', 'John Wick']]);
    expect(found('Keanu Reeves as John Wick.', JOHN_WICK)).toEqual([
      ['person_keanu', 'Keanu Reeves'],
      ['character_jw', 'John Wick'],
    ]);
    expect(found('Keanu Reeves plays John Wick again.', JOHN_WICK)[1]).toEqual(['character_jw', 'John Wick']);
    expect(found('John Wick (2014) holds up.', JOHN_WICK)).toEqual([['film_jw', 'John Wick']]);
  });

  it('ignores case and diacritics, but wants the stored capitals', () => {
    const people: Candidate[] = [
      { id: 'person_bill', label: 'Person', names: ['Bill Skarsgård'] },
      { id: 'person_ana', label: 'Person', names: ['Ana de Armas'] },
      { id: 'film_ballerina', label: 'Film', names: ['Ballerina', 'From the World of John Wick: Ballerina'] },
      { id: 'character_director', label: 'Character', names: ['The Director'] },
    ];
    expect(found('BILL SKARSGARD and Ana de Armas', people)).toEqual([
      ['person_bill', 'BILL SKARSGARD'],
      ['person_ana', 'Ana de Armas'],
    ]);
    expect(found('A ballerina, the director and The director', people)).toEqual([]);
    expect(found('The Director returns in From the World of John Wick: Ballerina.', people)).toEqual([
      ['character_director', 'The Director'],
      ['film_ballerina', 'From the World of John Wick: Ballerina'],
    ]);
  });

  it("keeps the words as written, without a possessive 's, with their offset", () => {
    const len: Candidate[] = [{ id: 'person_len', label: 'Person', names: ['Len Wiseman'] }];
    expect(findMentions("As ever, Len Wiseman's film.", index(len))).toEqual([
      { entityId: 'person_len', label: 'Person', text: 'Len Wiseman', position: 9 },
    ]);
  });

  it('reports every naming, and never a name split across lines', () => {
    const ballerina: Candidate[] = [{ id: 'film_b', label: 'Film', names: ['Ballerina'] }, ...JOHN_WICK];
    expect(found('Ballerina and Ballerina.\nJohn\nWick', ballerina)).toEqual([
      ['film_b', 'Ballerina'],
      ['film_b', 'Ballerina'],
    ]);
  });
});
