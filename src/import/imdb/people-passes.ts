import { forEachStoredImdbId, writePeople } from './graph';
import { IMDB_FILES } from './files';
import { imdbNumber } from './id-set';
import { remembering } from './known-ids';
import { ImportRun } from './pass-runner';
import { columnCount, firstField, parsePerson, PersonRow, RowError, splitRow } from './rows';

/**
 * The passes that find and write people: a first read of principals and crew learns who the
 * imported films' roles name, so name.basics writes those people and only those.
 */

/** principals, first read: the people roles on imported films name. Bad rows wait for the second read. */
export async function scanPrincipals(run: ImportRun): Promise<void> {
  await run.runner.scan('title.principals', (line) => {
    const tab1 = line.indexOf('\t');
    const title = imdbNumber(line.slice(0, tab1), 'tt');
    if (title === undefined || !run.ids.films.has(title)) return;
    const tab2 = line.indexOf('\t', tab1 + 1);
    const tab3 = tab2 === -1 ? -1 : line.indexOf('\t', tab2 + 1);
    if (tab3 === -1) return;
    const person = imdbNumber(line.slice(tab2 + 1, tab3), 'nm');
    if (person !== undefined) run.ids.neededPeople.add(person);
  });
}

export async function scanCrew(run: ImportRun): Promise<void> {
  await run.runner.scan('title.crew', (line) => {
    const title = imdbNumber(firstField(line), 'tt');
    if (title === undefined || !run.ids.films.has(title)) return;
    const fields = line.split('\t');
    for (const list of [fields[1], fields[2]]) {
      for (const nconst of list?.split(',') ?? []) {
        const person = imdbNumber(nconst, 'nm');
        if (person !== undefined) run.ids.neededPeople.add(person);
      }
    }
  });
}

export async function nameBasics(run: ImportRun): Promise<void> {
  const name = 'name.basics';
  if (!run.files.has(name)) {
    run.ids.peopleFromGraph = true;
    await forEachStoredImdbId(run.db, 'Person', (imdbId) => {
      const id = imdbNumber(imdbId, 'nm');
      if (id !== undefined) run.ids.people.add(id);
    });
    return;
  }
  const report = run.reports.get(name)!;
  const columns = IMDB_FILES[name].length;
  await run.runner.writePass<PersonRow>(
    name,
    report,
    writePeople,
    (emit) => (line, n) => {
      const id = imdbNumber(firstField(line), 'nm');
      if (id !== undefined && !run.ids.neededPeople.has(id)) {
        if (columnCount(line) !== columns) splitRow(line, columns);
        report.skip('no imported role names this person');
        return;
      }
      const row = remembering(run.ids.malformedPeople, 'nm', line, () => parsePerson(splitRow(line, columns)));
      if (!run.ids.people.add(row.number)) throw new RowError(`${row.nconst} appears more than once; this row is ignored`);
      report.imported += 1;
      emit(row, n);
    },
    (people) => run.checkpoint.probe('person', people[people.length - 1].nconst),
  );
}
