import { UsageError, parseArgs, positiveInt } from '../args';
import { IdSet, imdbNumber } from './id-set';
import { RowError, columnCount, parseCharacters, parseCrew, parsePrincipal, parseTitle, splitRow } from './rows';

const N = '\\N';

describe('IMDb rows', () => {
  it('maps principal categories as the contract says, with billing order for the cast only', () => {
    const row = (category: string, job = N, characters = N) =>
      parsePrincipal(splitRow(['tt0000009', '3', 'nm0000042', category, job, characters].join('\t'), 6));
    expect(row('actress', N, '["Miss Jerry"]')).toMatchObject({ kind: 'ACTOR', characters: ['Miss Jerry'], billingOrder: 3, job: null });
    expect(row('self', N, '["Himself"]')).toMatchObject({ kind: 'SELF', billingOrder: 3 });
    expect(row('production_designer')).toMatchObject({ kind: 'PRODUCTION_DESIGNER', billingOrder: null });
    expect(row('writer', 'screenplay')).toMatchObject({ kind: 'WRITER', job: 'screenplay' });
    expect(row('archive_footage')).toMatchObject({ kind: 'CREW', job: 'archive_footage' });
    expect(row('stunt_coordinator', 'stunts')).toMatchObject({ kind: 'CREW', job: 'stunts' });
  });

  it('reads characters as a JSON array of strings and rejects anything else', () => {
    expect(parseCharacters('["A","B, \\"the\\" C"]')).toEqual(['A', 'B, "the" C']);
    expect(parseCharacters(N)).toEqual([]);
    expect(() => parseCharacters('["A"')).toThrow(new RowError('characters: "[\\"A\\"" is not a JSON array'));
    expect(() => parseCharacters('[1]')).toThrow(RowError);
    expect(() => parseCharacters('"A"')).toThrow(RowError);
  });

  it('checks numbers and ids', () => {
    const title = (year: string, runtime: string) =>
      parseTitle(splitRow(['tt0000001', 'movie', 'A', 'A', '0', year, N, runtime, 'Drama,Comedy'].join('\t'), 9));
    expect(title('1999', '90')).toMatchObject({ year: 1999, runtimeMinutes: 90, genres: ['Drama', 'Comedy'], originalTitle: 'A' });
    expect(title(N, N)).toMatchObject({ year: null, runtimeMinutes: null });
    expect(() => title('1999.5', '90')).toThrow('startYear: "1999.5" is not a whole number');
    expect(() => title('1999', '-4')).toThrow('runtimeMinutes: "-4" is not a whole number');
    expect(() => parseCrew(['tt1', 'nm1,xx2', N])).toThrow('directors: "xx2" is not an IMDb name id (nm…)');
    expect(() => splitRow('a\tb', 3)).toThrow('expected 3 tab-separated columns, found 2');
    expect(columnCount('a\tb\t\tc')).toBe(4);
  });

  it('keeps id sets as paged bits', () => {
    const set = new IdSet();
    expect(set.add(2911666)).toBe(true);
    expect(set.add(2911666)).toBe(false);
    expect(set.add(0)).toBe(true);
    expect(set.has(2911666) && set.has(0) && !set.has(2911667) && !set.has(99_999_999)).toBe(true);
    expect(set.size).toBe(2);
    expect(set.bytes).toBe(2 * 8192);
    expect(imdbNumber('tt0000009', 'tt')).toBe(9);
    expect(imdbNumber('nm0000009', 'tt')).toBeUndefined();
    expect(imdbNumber('tt', 'tt')).toBeUndefined();
    expect(imdbNumber('tt12a', 'tt')).toBeUndefined();
    expect(imdbNumber('tt99999999999', 'tt')).toBeUndefined();
  });
});

describe('command-line options', () => {
  it('reads values, flags and positionals and names what is wrong', () => {
    const known = { values: ['batch-size', 'report'], booleans: ['restart'] };
    const args = parseArgs(['imdb-dir', '--batch-size', '500', '--report=out.json', '--restart'], known);
    expect(args.positional).toEqual(['imdb-dir']);
    expect(Object.fromEntries(args.flags)).toEqual({ 'batch-size': '500', report: 'out.json', restart: true });
    expect(() => parseArgs(['--batch'], known)).toThrow(new UsageError('unknown option --batch (known: --batch-size, --report, --restart)'));
    expect(() => parseArgs(['--report'], known)).toThrow('--report needs a value');
    expect(positiveInt('500', 'batch-size', 1)).toBe(500);
    expect(() => positiveInt('0', 'batch-size', 1)).toThrow('--batch-size must be a whole number of at least 1, got "0"');
  });
});
