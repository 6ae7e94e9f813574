import { fold } from '../../src/model/slug';
import {
  CharacterRecord,
  FilmRecord,
  FranchiseRecord,
  GenreRecord,
  GraphDocument,
  PersonRecord,
  ReviewRecord,
  RoleRecord,
} from '../../src/ingest/records';
import { FranchiseEntryKindName, RoleKindName } from '../../src/model/roles';
import { intBetween, pick, randomFrom, Random, seedOf, shuffleInPlace } from './random';

/**
 * A film graph made up to order, the same every run for the same size and seed. What matters for
 * the benchmark is its shape: people ≈ 2.5 × films; about 8 credits a film whose people follow a
 * power law (a few with hundreds of credits, most with one or two); franchises of 2 to 12 films
 * holding about a tenth of all films, with recurring characters played by the same actors; 20
 * genres of very different sizes; 0 to 30 reviews a film, most films few.
 *
 * Entities carry stable ids (`film_b0000042`, `person_b0001234`, …: the `<label>_` prefix the id
 * rules want), so the graph can be imported chunk by chunk: every chunk is a complete document
 * (each record it points at is in it), and an entity repeated from an earlier chunk is matched on
 * its id and left as it is.
 */

const STREAM = { film: 1, person: 2, franchise: 3, pools: 4, reviews: 5 } as const;

export const GENRES: [string, number][] = [
  ['Drama', 30], ['Comedy', 22], ['Thriller', 12], ['Action', 12], ['Romance', 9], ['Crime', 9],
  ['Horror', 7], ['Documentary', 6], ['Adventure', 6], ['Science Fiction', 5], ['Family', 4],
  ['Fantasy', 4], ['Mystery', 4], ['Biography', 3], ['History', 2], ['Music', 2], ['War', 2],
  ['Western', 1], ['Animation', 3], ['Sport', 1],
];
const GENRE_TOTAL = GENRES.reduce((sum, [, weight]) => sum + weight, 0);

const WORDS = ['Night', 'Return', 'Shadow', 'Love', 'City', 'Last', 'River', 'King', 'Dark', 'Summer', 'Blood', 'Secret',
  'House', 'Road', 'Girl', 'Man', 'Dream', 'War', 'Fire', 'Stone', 'Star', 'Winter', 'Heart', 'Storm', 'Ghost', 'Island',
  'Silent', 'Golden', 'Broken', 'Wild', 'Empire', 'Garden', 'Mirror', 'Harbor', 'Crown', 'Echo', 'Frontier', 'Glass',
  'Hunter', 'Iron', 'Jungle', 'Kingdom', 'Lantern', 'Machine', 'North', 'Ocean', 'Paper', 'Queen', 'Rain', 'Signal',
  'Tide', 'Union', 'Valley', 'Wolf', 'Year', 'Zero', 'Angel', 'Bridge', 'Circus', 'Desert'];
const SUBTITLES = ['Reckoning', 'Rising', 'Origins', 'Legacy', 'Revenge', 'Awakening', 'Endgame', 'Redemption', 'Homecoming', 'Exile'];
const FIRST = ['John', 'Mary', 'David', 'Anna', 'Michael', 'Maria', 'James', 'Laura', 'Peter', 'Sofia', 'Ivan', 'Yuki',
  'Ahmed', 'Chloé', 'José', 'Zoë', 'Lars', 'Priya', 'Chen', 'Amélie', 'Olga', 'Kwame', 'Lucía', 'Björn', 'Aiko', 'Omar',
  'Elena', 'Tomás', 'Nina', 'Raj', 'Hana', 'Felix', 'Ines', 'Marek', 'Leila', 'Sven', 'Ada', 'Kofi', 'Mei', 'Pablo'];
const LAST = ['Smith', 'Johnson', 'García', 'Müller', 'Rossi', 'Kim', 'Nguyen', 'Ivanov', 'Tanaka', 'Dubois', 'Silva',
  'Khan', 'Novak', 'Larsen', 'Okafor', 'Kowalski', 'Haddad', 'Singh', 'Wang', 'Costa'];
const SYLLABLES = ['ka', 'ro', 'mi', 'len', 'dor', 'sa', 'vi', 'tan', 'bel', 'mo', 'ri', 'na', 'gar', 'lo', 'pe', 'zu',
  'han', 'te', 'shi', 'ver', 'ska', 'quin', 'bro', 'del', 'fa'];
const PUBLICATIONS: [string, number][] = [
  ['The Daily Reel', 5], ['Screen Weekly', 10], ['Cinema Review', 100], ['Film Quarterly Online', 5], ['The Projector', 10],
  ['Northern Herald', 5], ['Metro Film', 100], ['Lens & Light', 10], ['The Critic', 5], ['Picture House', 10],
  ['Reel Talk', 5], ['Frame Rate', 100], ['The Matinee', 5], ['Silver Screen Post', 10], ['Celluloid', 5],
  ['Cut to Black', 10], ['The Film Desk', 5], ['Marquee', 100], ['Long Take', 10], ['Close-Up', 5],
  ['Popcorn Times', 10], ['Final Cut', 5], ['The Screening Room', 10], ['Rough Cut', 100], ['Director\'s Chair', 5],
  ['Opening Night', 10], ['The Balcony', 5], ['Widescreen', 10], ['Dolly Zoom', 5], ['Fade In', 10]];
const ADJECTIVES = ['gripping', 'uneven', 'tender', 'bold', 'overlong', 'sharp', 'quiet', 'dazzling', 'clumsy', 'haunting'];

/** Credit kinds a person is drawn for, with the share of people who mainly do that. */
const PROFESSIONS: [RoleKindName, number][] = [
  ['ACTOR', 0.49], ['DIRECTOR', 0.13], ['WRITER', 0.16], ['PRODUCER', 0.074], ['COMPOSER', 0.061],
  ['CINEMATOGRAPHER', 0.049], ['EDITOR', 0.036],
];
const PROFESSION_WORD: Record<string, string> = {
  ACTOR: 'actor', DIRECTOR: 'director', WRITER: 'writer', PRODUCER: 'producer', COMPOSER: 'composer',
  CINEMATOGRAPHER: 'cinematographer', EDITOR: 'editor',
};

export interface GeneratorOptions {
  films: number;
  seed?: number;
}

interface FranchisePlan {
  index: number;
  name: string;
  films: number[];
  startYear: number;
  /** Story position of each film (by release position). */
  chronological: number[];
  kinds: FranchiseEntryKindName[];
  /** Recurring characters: name and the actor(s) playing them (a recast takes over from a film on). */
  characters: { name: string; actors: number[]; recastFrom: number }[];
  director: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const genreId = (g: number) => `genre_b${pad(g, 2)}`;
export const filmId = (i: number) => `film_b${pad(i, 7)}`;
export const personId = (i: number) => `person_b${pad(i, 7)}`;
export const franchiseId = (f: number) => `franchise_b${pad(f, 6)}`;
export const characterId = (f: number, j: number) => `character_b${pad(f, 6)}_${j}`;

export class FilmGraphGenerator {
  readonly films: number;
  readonly people: number;
  readonly seed: number;
  readonly franchises: FranchisePlan[] = [];
  /** Film index → [franchise index, release position], or undefined. */
  private readonly filmFranchise = new Map<number, [number, number]>();
  private readonly profession: Uint8Array;
  private readonly pools = new Map<RoleKindName, { people: Int32Array; next: number; random: Random }>();

  constructor(options: GeneratorOptions) {
    this.films = Math.max(1, Math.floor(options.films));
    this.people = Math.ceil(this.films * 2.5);
    this.seed = options.seed ?? 20250606;
    this.profession = new Uint8Array(this.people);
    this.planPeople();
    this.planFranchises();
  }

  /** Each person's main kind of work and how often they are credited: a power law capped at films/100. */
  private planPeople(): void {
    const random = randomFrom(seedOf(this.seed, STREAM.pools, 0));
    const cap = Math.max(20, Math.floor(this.films / 100));
    const weights = new Map<RoleKindName, number[]>();
    for (let i = 0; i < this.people; i += 1) {
      let u = random();
      let p = 0;
      while (p < PROFESSIONS.length - 1 && (u -= PROFESSIONS[p][1]) >= 0) p += 1;
      this.profession[i] = p;
      const credits = Math.min(cap, Math.floor(Math.pow(1 - random(), -1 / 1.5)));
      const kind = PROFESSIONS[p][0];
      const list = weights.get(kind) ?? [];
      for (let c = 0; c < credits; c += 1) list.push(i);
      weights.set(kind, list);
    }
    for (const [kind] of PROFESSIONS) {
      const people = Int32Array.from(weights.get(kind) ?? [0]);
      const poolRandom = randomFrom(seedOf(this.seed, STREAM.pools, 1 + PROFESSIONS.findIndex(([k]) => k === kind)));
      shuffleInPlace(poolRandom, people);
      this.pools.set(kind, { people, next: 0, random: poolRandom });
    }
  }

  /** The next person dealt for a kind of credit; a pool used up is shuffled and dealt again. */
  private deal(kind: RoleKindName): number {
    const pool = this.pools.get(kind === 'SELF' ? 'ACTOR' : kind) ?? this.pools.get('ACTOR')!;
    if (pool.next >= pool.people.length) {
      shuffleInPlace(pool.random, pool.people);
      pool.next = 0;
    }
    return pool.people[pool.next++];
  }

  private planFranchises(): void {
    const random = randomFrom(seedOf(this.seed, STREAM.franchise, 0));
    const order = Int32Array.from({ length: this.films }, (_, i) => i);
    shuffleInPlace(random, order);
    const inFranchises = Math.floor(this.films / 10);
    let at = 0;
    while (at + 2 <= inFranchises) {
      const size = Math.min(inFranchises - at, 2 + Math.floor(10 * Math.pow(random(), 2.2)));
      if (size < 2) break;
      const index = this.franchises.length;
      const films = Array.from(order.subarray(at, at + size)).sort((a, b) => a - b);
      at += size;
      const name = random() < 0.5 ? `${pick(random, WORDS)} ${pick(random, WORDS)}` : `The ${pick(random, WORDS)} ${pick(random, SUBTITLES)}`;
      // Mostly told in release order; one franchise in six has a prequel made last.
      const chronological = films.map((_, k) => k + 1);
      if (size >= 3 && random() < 0.17) {
        chronological[size - 1] = 1;
        for (let k = 0; k < size - 1; k += 1) chronological[k] = k + 2;
      }
      const kinds = films.map((_, k): FranchiseEntryKindName => (k === 0 ? 'MAIN' : random() < 0.15 ? 'SPIN_OFF' : random() < 0.05 ? 'OTHER' : 'MAIN'));
      const characters = Array.from({ length: intBetween(random, 2, 5) }, (_, j) => ({
        name: j === 0 || random() < 0.6 ? `${pick(random, FIRST)} ${surname(random)}` : `The ${pick(random, WORDS)}`,
        actors: [this.deal('ACTOR'), this.deal('ACTOR')],
        recastFrom: random() < 0.1 ? intBetween(random, 1, size - 1) : size,
      }));
      this.franchises.push({ index, name, films, startYear: intBetween(random, 1960, 2016), chronological, kinds, characters, director: this.deal('DIRECTOR') });
      films.forEach((film, position) => this.filmFranchise.set(film, [index, position]));
    }
  }

  /** The graph as documents of `chunkFilms` films each, in order; each document is complete on its own. */
  *chunks(chunkFilms: number): Generator<GraphDocument> {
    for (let start = 0; start < this.films; start += chunkFilms) {
      yield this.chunk(start, Math.min(this.films, start + chunkFilms));
    }
  }

  private chunk(start: number, end: number): GraphDocument {
    const films: FilmRecord[] = [];
    const roles: RoleRecord[] = [];
    const reviews: ReviewRecord[] = [];
    const people = new Map<number, PersonRecord>();
    const franchises = new Map<number, FranchiseRecord>();
    const characters = new Map<string, CharacterRecord>();
    for (let i = start; i < end; i += 1) {
      const film = this.film(i);
      films.push(film.record);
      for (const role of film.roles) {
        roles.push(role.record);
        if (!people.has(role.person)) people.set(role.person, this.person(role.person));
      }
      reviews.push(...film.reviews);
      const membership = this.filmFranchise.get(i);
      if (membership) {
        const plan = this.franchises[membership[0]];
        franchises.set(plan.index, { ref: franchiseId(plan.index), id: franchiseId(plan.index), name: plan.name, description: `The ${plan.name} films.` });
        plan.characters.forEach((c, j) => {
          const id = characterId(plan.index, j);
          characters.set(id, { ref: id, id, name: c.name, franchise: franchiseId(plan.index) });
        });
      }
    }
    return {
      format: 'reelgraph',
      version: 1,
      genres: GENRES.map(([name], g): GenreRecord => ({ ref: genreId(g), id: genreId(g), name })),
      franchises: [...franchises.values()],
      films,
      people: [...people.values()],
      characters: [...characters.values()],
      roles,
      reviews,
    };
  }

  private person(i: number): PersonRecord {
    const random = randomFrom(seedOf(this.seed, STREAM.person, i));
    const name = `${pick(random, FIRST)} ${surname(random)}`;
    const birthYear = intBetween(random, 1920, 2002);
    return {
      ref: personId(i),
      id: personId(i),
      name,
      birthYear,
      deathYear: birthYear < 1945 && random() < 0.5 ? intBetween(random, birthYear + 40, 2024) : null,
      professions: [PROFESSION_WORD[PROFESSIONS[this.profession[i]][0]]],
      externalIds: { imdb: `nm9${pad(i, 7)}` },
    };
  }

  private film(i: number): { record: FilmRecord; roles: { person: number; record: RoleRecord }[]; reviews: ReviewRecord[] } {
    const random = randomFrom(seedOf(this.seed, STREAM.film, i));
    const membership = this.filmFranchise.get(i);
    const plan = membership ? this.franchises[membership[0]] : undefined;
    const position = membership ? membership[1] : 0;
    let title: string;
    let year: number;
    if (plan) {
      title = position === 0 ? plan.name : random() < 0.5 ? `${plan.name} ${position + 1}` : `${plan.name}: ${pick(random, SUBTITLES)}`;
      year = Math.min(2025, plan.startYear + position * intBetween(random, 1, 4));
    } else {
      const words = 1 + Math.floor(random() * random() * 3);
      title = Array.from({ length: words }, () => pick(random, WORDS)).join(' ');
      if (random() < 0.3) title = `The ${title}`;
      year = 2025 - Math.floor(95 * Math.pow(random(), 1.8));
    }
    const month = intBetween(random, 1, 12);
    const day = intBetween(random, 1, 28);
    const releaseDate = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
    const genres = new Set<number>([weightedGenre(random)]);
    const extra = random();
    if (extra < 0.6) genres.add(weightedGenre(random));
    if (extra < 0.25) genres.add(weightedGenre(random));
    const id = filmId(i);
    const record: FilmRecord = {
      ref: id,
      id,
      title,
      releaseDate,
      runtimeMinutes: intBetween(random, 75, 190),
      overview: `A ${pick(random, ADJECTIVES)} story of ${pick(random, WORDS).toLowerCase()} and ${pick(random, WORDS).toLowerCase()}.`,
      externalIds: { imdb: `tt9${pad(i, 7)}` },
      genres: [...genres].map(genreId),
      franchises: plan ? [{ franchise: franchiseId(plan.index), kind: plan.kinds[position], chronologicalOrder: plan.chronological[position] }] : [],
      ratings: [{ source: 'imdb', value: Math.round((3 + random() * 6) * 10) / 10, scale: 10, votes: Math.floor(Math.pow(random(), 3) * 900_000) + 5 }],
    };

    const roles: { person: number; record: RoleRecord }[] = [];
    const taken = new Set<string>();
    const add = (person: number, kind: RoleKindName, extraFields: Partial<RoleRecord> = {}) => {
      const key = `${person}|${kind}`;
      if (taken.has(key)) return false;
      taken.add(key);
      roles.push({
        person,
        record: { id: `role_b${pad(i, 7)}_${roles.length}`, person: personId(person), film: id, kind, credited: true, ...extraFields },
      });
      return true;
    };
    const dealFresh = (kind: RoleKindName, fields: Partial<RoleRecord> = {}) => {
      for (let attempt = 0; attempt < 4; attempt += 1) if (add(this.deal(kind), kind, fields)) return;
    };

    let billing = 1;
    if (plan) {
      plan.characters.forEach((character, j) => {
        if (j > 0 && random() >= 0.8) return;
        const actor = position >= character.recastFrom ? character.actors[1] : character.actors[0];
        if (add(actor, 'ACTOR', { characters: [character.name], character: characterId(plan.index, j), billingOrder: billing })) billing += 1;
      });
    }
    const castSize = intBetween(random, 2, 6);
    while (billing <= castSize) {
      const before = roles.length;
      const kind: RoleKindName = random() < 0.04 ? 'SELF' : 'ACTOR';
      dealFresh(kind, { characters: [kind === 'SELF' ? 'Self' : `${pick(random, FIRST)} ${surname(random)}`], billingOrder: billing });
      if (roles.length === before) break;
      billing += 1;
    }
    if (plan && random() < 0.5) add(plan.director, 'DIRECTOR', { job: 'director' });
    else dealFresh('DIRECTOR', { job: 'director' });
    if (random() < 0.05) dealFresh('DIRECTOR', { job: 'co-director', credited: random() < 0.5 });
    dealFresh('WRITER', { job: random() < 0.5 ? 'screenplay' : 'written by' });
    if (random() < 0.3) dealFresh('WRITER', { job: 'story' });
    if (random() < 0.6) dealFresh('PRODUCER', { job: random() < 0.3 ? 'executive producer' : 'producer' });
    if (random() < 0.5) dealFresh('COMPOSER', { job: 'original music' });
    if (random() < 0.4) dealFresh('CINEMATOGRAPHER', { job: 'director of photography' });
    if (random() < 0.3) dealFresh('EDITOR', { job: 'editor' });

    return { record, roles, reviews: this.reviews(i, title, releaseDate, plan !== undefined) };
  }

  /**
   * 0 to 30 reviews, most films a few; franchise films more. Publications differ within a film.
   * Every review is dated: @neo4j/graphql sorts missing dates first where Reelgraph puts them last.
   */
  private reviews(i: number, title: string, releaseDate: string, popular: boolean): ReviewRecord[] {
    const random = randomFrom(seedOf(this.seed, STREAM.reviews, i));
    const count = Math.min(30, Math.floor(31 * Math.pow(random(), popular ? 2.5 : 6)));
    const offset = Math.floor(random() * PUBLICATIONS.length);
    const released = Date.parse(`${releaseDate}T00:00:00Z`);
    const latest = Date.parse('2025-12-31T00:00:00Z');
    return Array.from({ length: count }, (_, j): ReviewRecord => {
      const [publication, scale] = PUBLICATIONS[(offset + j) % PUBLICATIONS.length];
      const rated = random() < 0.9;
      const rating = scale === 5 ? intBetween(random, 1, 10) / 2 : scale === 10 ? intBetween(random, 1, 10) : intBetween(random, 10, 100);
      const publishedOn = new Date(Math.min(latest, released + intBetween(random, -5, 400) * 86_400_000)).toISOString().slice(0, 10);
      const adjective = pick(random, ADJECTIVES);
      return {
        id: `review_b${pad(i, 7)}_${j}`,
        film: filmId(i),
        publication,
        author: `${pick(random, FIRST)} ${surname(random)}`,
        publishedOn,
        rating: rated ? rating : null,
        ratingScale: rated ? scale : null,
        headline: `${adjective[0].toUpperCase()}${adjective.slice(1)} and ${pick(random, ADJECTIVES)}`,
        body: random() < 0.05 ? `${title} is a ${adjective} film.` : `a ${adjective} film with ${pick(random, ADJECTIVES)} performances.`,
      };
    });
  }
}

function weightedGenre(random: Random): number {
  let u = random() * GENRE_TOTAL;
  for (let g = 0; g < GENRES.length; g += 1) {
    if ((u -= GENRES[g][1]) < 0) return g;
  }
  return GENRES.length - 1;
}

/** Mostly made-up surnames, a few very common ones: names repeat, but not absurdly often. */
function surname(random: Random): string {
  if (random() < 0.15) return pick(random, LAST);
  const text = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(random, SYLLABLES)).join('');
  return text[0].toUpperCase() + text.slice(1);
}

/** Search fragments in the shape typed into a search box: a word, two words, or a word's first letters. */
export function searchFragment(random: Random, name: string): string {
  const words = fold(name).replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter((w) => w.length > 0 && w !== 'the');
  if (words.length === 0) return 'night';
  const u = random();
  if (u < 0.3 && words.length >= 2) return `${words[0]} ${words[1].slice(0, Math.max(3, words[1].length - 2))}`;
  const word = words[Math.floor(random() * words.length)];
  if (u < 0.6 && word.length > 4) return word.slice(0, 3 + Math.floor(random() * (word.length - 3)));
  return word;
}
