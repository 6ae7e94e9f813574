import { Tx } from '../../db/database';
import { AlternativeTitleValues } from '../../model/film';
import { IMDB_FILES } from './files';
import { AlternativeTitles, ensureGenres, forEachStoredImdbId, writeAlternativeTitles, writeFilms, writeRatings } from './graph';
import { IdSet, imdbNumber } from './id-set';
import { remembering } from './known-ids';
import { ImportRun } from './pass-runner';
import { parseAka, parseEpisode, parseRating, parseTitle, RowError, splitRow, TitleRow } from './rows';

/** The passes over the title files: films (title.basics), then what hangs on them (akas, ratings), and episodes, which are checked and skipped. */

export async function titleBasics(run: ImportRun): Promise<void> {
  const name = 'title.basics';
  if (!run.files.has(name)) {
    // Without title.basics, films already in the graph are the ones later files may name.
    run.ids.titlesFromGraph = true;
    await forEachStoredImdbId(run.db, 'Film', (imdbId) => {
      const id = imdbNumber(imdbId, 'tt');
      if (id !== undefined) {
        run.ids.titles.add(id);
        run.ids.films.add(id);
      }
    });
    return;
  }
  const report = run.reports.get(name)!;
  await run.runner.writePass<TitleRow, Map<string, string>>(
    name,
    report,
    (tx, films) => writeFilmBatch(run, tx, films),
    (emit) => (line, n) => {
      const row = remembering(run.ids.malformedTitles, 'tt', line, () => parseTitle(splitRow(line, IMDB_FILES[name].length)));
      if (!run.ids.titles.add(row.number)) throw new RowError(`${row.tconst} appears more than once; this row is ignored`);
      if (!run.titleTypes.has(row.titleType)) {
        report.skip(`titleType ${row.titleType} not chosen`);
        return;
      }
      run.ids.films.add(row.number);
      report.imported += 1;
      emit(row, n);
    },
    (films, genres) => {
      for (const [genre, id] of genres) run.genreIds.set(genre, id);
      run.checkpoint.probe('film', films[films.length - 1].tconst);
    },
  );
}

/** New genres are created in the films' transaction; their ids are remembered once it commits. */
async function writeFilmBatch(run: ImportRun, tx: Tx, films: TitleRow[]): Promise<Map<string, string>> {
  const genres = new Map(run.genreIds);
  const missing = [...new Set(films.flatMap((f) => f.genres))].filter((g) => !genres.has(g));
  if (missing.length > 0) {
    for (const [genre, id] of await ensureGenres(tx, missing)) genres.set(genre, id);
  }
  await writeFilms(tx, films, genres);
  return genres;
}

export async function alternativeTitles(run: ImportRun): Promise<void> {
  const name = 'title.akas';
  if (!run.files.has(name)) return;
  const report = run.reports.get(name)!;
  const seen = new IdSet();
  await run.runner.writePass<AlternativeTitles>(
    name,
    report,
    (tx, films) => writeAlternativeTitles(tx, films),
    (emit) => {
      let group: { number: number; imdbId: string; akas: (AlternativeTitleValues & { ordering: number })[]; lastLine: number } | undefined;
      const flush = () => {
        if (!group) return;
        const akas = group.akas.sort((a, b) => a.ordering - b.ordering).map((a) => ({ title: a.title, region: a.region, language: a.language, types: a.types }));
        report.detail('films given alternative titles', 1);
        emit({ imdbId: group.imdbId, akas }, group.lastLine);
        group = undefined;
      };
      return Object.assign(
        (line: string, n: number) => {
          const row = parseAka(splitRow(line, IMDB_FILES[name].length));
          if (!run.ids.films.has(row.number)) {
            report.skip(run.ids.unknownTitleReason(row.number));
            return;
          }
          if (group?.number !== row.number) {
            flush();
            if (!seen.add(row.number) && report.notes.length < 10) {
              report.notes.push(`line ${n}: the rows of ${row.tconst} are not together; the later ones replace the earlier ones`);
            }
            group = { number: row.number, imdbId: row.tconst, akas: [], lastLine: n };
          }
          report.imported += 1;
          group.lastLine = n;
          if (row.title !== null) {
            group.akas.push({ ordering: row.ordering, title: row.title, region: row.region, language: row.language, types: row.types });
          }
        },
        { end: flush },
      );
    },
  );
}

export async function ratings(run: ImportRun): Promise<void> {
  const name = 'title.ratings';
  if (!run.files.has(name)) return;
  const report = run.reports.get(name)!;
  await run.runner.writePass<{ imdbId: string; value: number; votes: number }>(name, report, writeRatings, (emit) => (line, n) => {
    const row = parseRating(splitRow(line, IMDB_FILES[name].length));
    if (!run.ids.films.has(row.number)) {
      report.skip(run.ids.unknownTitleReason(row.number));
      return;
    }
    report.imported += 1;
    emit({ imdbId: row.tconst, value: row.value, votes: row.votes }, n);
  });
}

export async function episodes(run: ImportRun): Promise<void> {
  const name = 'title.episode';
  if (!run.files.has(name)) return;
  const report = run.reports.get(name)!;
  await run.runner.writePass<never>(
    name,
    report,
    async () => {},
    () => (line) => {
      parseEpisode(splitRow(line, IMDB_FILES[name].length));
      report.skip('episode of a series (the graph holds films, not series)');
    },
  );
}
