import { FileReport } from '../report';
import { IdSet, imdbNumber } from './id-set';
import { columnCount, firstField, splitRow } from './rows';

/**
 * What one IMDb import knows between files: which title and name ids exist, which are films and
 * people it imported, and which rows could not be read. Bitsets sized by the id range (IdSet), so
 * this stays a few MB at IMDb's full scale. It also words the messages for rows that name an id
 * it does not know, since only it can say why.
 */
export class KnownIds {
  /** Every title id of title.basics (or, without it, of the films stored). */
  readonly titles = new IdSet();
  /** Titles that are films: imported now, or stored already when title.basics is absent. */
  readonly films = new IdSet();
  /** People an imported role names. */
  readonly neededPeople = new IdSet();
  /** People written from name.basics (or stored already when it is absent). */
  readonly people = new IdSet();
  /** Ids whose row in title.basics or name.basics could not be read, to say so when a role names them. */
  readonly malformedTitles = new IdSet();
  readonly malformedPeople = new IdSet();
  titlesFromGraph = false;
  peopleFromGraph = false;

  /**
   * Skips (and counts) a credit row of a title left out for its type. The row's shape is still
   * checked, so a malformed line is reported as one even when its title is not imported.
   */
  skipsUnchosenTitle(line: string, columns: number, report: FileReport): boolean {
    const title = imdbNumber(firstField(line), 'tt');
    if (title === undefined || this.films.has(title) || !this.titles.has(title)) return false;
    if (columnCount(line) !== columns) splitRow(line, columns);
    report.skip('title not imported (its type was not chosen)');
    return true;
  }

  unknownTitleReason(title: number): string {
    return this.titles.has(title) ? 'title not imported (its type was not chosen)' : `title not in ${this.titlesSource()}`;
  }

  missingTitleMessage(tconst: string, what = 'the row'): string {
    const id = imdbNumber(tconst, 'tt');
    const where =
      id !== undefined && this.malformedTitles.has(id) ? `'s row in title.basics could not be read` : ` is not in ${this.titlesSource()}`;
    return `${tconst}${where}; ${what} is skipped`;
  }

  missingPersonMessage(nconst: string, what = 'the row'): string {
    const id = imdbNumber(nconst, 'nm');
    const where =
      id !== undefined && this.malformedPeople.has(id) ? `'s row in name.basics could not be read` : ` is not in ${this.peopleSource()}`;
    return `${nconst}${where}; ${what} is skipped`;
  }

  private titlesSource(): string {
    return this.titlesFromGraph ? 'the graph (title.basics was not given)' : 'title.basics';
  }

  private peopleSource(): string {
    return this.peopleFromGraph ? 'the graph (name.basics was not given)' : 'name.basics';
  }
}

/** Parses a row; when it cannot be read, remembers its id (if that much is readable) before passing the error on. */
export function remembering<R>(malformed: IdSet, prefix: 'tt' | 'nm', line: string, parse: () => R): R {
  try {
    return parse();
  } catch (error) {
    const id = imdbNumber(firstField(line), prefix);
    if (id !== undefined) malformed.add(id);
    throw error;
  }
}
