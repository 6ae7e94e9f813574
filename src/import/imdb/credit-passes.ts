import { IMDB_FILES } from './files';
import { RoleWrite, writeRoles } from './graph';
import { ImportRun, LineHandler } from './pass-runner';
import { parseCrew, parsePrincipal, RowError, splitRow } from './rows';

/** The passes that write roles: title.principals, then the directors and writers of title.crew it did not give. */

export async function principals(run: ImportRun): Promise<void> {
  const name = 'title.principals';
  if (!run.files.has(name)) return;
  const report = run.reports.get(name)!;
  const columns = IMDB_FILES[name].length;
  await writeRolePass(run, name, { onlyNew: false, kept: 'roles updated' }, (emit) => {
    // A person may be listed twice for one title under categories that map to one kind
    // (actor and actress, say); the first listing is kept. Rows come grouped by title.
    let groupTitle = -1;
    const groupKeys = new Set<string>();
    return (line, n) => {
      if (run.ids.skipsUnchosenTitle(line, columns, report)) return;
      const row = parsePrincipal(splitRow(line, columns));
      if (!run.ids.films.has(row.title)) throw new RowError(run.ids.missingTitleMessage(row.tconst));
      if (!run.ids.people.has(row.person)) throw new RowError(run.ids.missingPersonMessage(row.nconst));
      if (row.title !== groupTitle) {
        groupTitle = row.title;
        groupKeys.clear();
      }
      const key = `${row.person}|${row.kind}`;
      if (groupKeys.has(key)) {
        report.skip('same person, film and kind as an earlier row');
        return;
      }
      groupKeys.add(key);
      report.imported += 1;
      emit(
        {
          film: row.tconst,
          person: row.nconst,
          kind: row.kind,
          job: row.job,
          characters: row.characters,
          billingOrder: row.billingOrder,
        },
        n,
      );
    };
  });
}

export async function crew(run: ImportRun): Promise<void> {
  const name = 'title.crew';
  if (!run.files.has(name)) return;
  const report = run.reports.get(name)!;
  const columns = IMDB_FILES[name].length;
  await writeRolePass(
    run,
    name,
    { onlyNew: true, kept: 'roles already present (from title.principals or earlier)' },
    (emit) => (line, n) => {
      if (run.ids.skipsUnchosenTitle(line, columns, report)) return;
      const row = parseCrew(splitRow(line, columns));
      if (!run.ids.films.has(row.title)) throw new RowError(run.ids.missingTitleMessage(row.tconst));
      const missing: string[] = [];
      const roles = new Map<string, RoleWrite>();
      for (const [kind, people] of [
        ['DIRECTOR', row.directors],
        ['WRITER', row.writers],
      ] as const) {
        for (const person of people) {
          if (!run.ids.people.has(person.number)) missing.push(person.nconst);
          else
            roles.set(`${person.nconst}|${kind}`, {
              film: row.tconst,
              person: person.nconst,
              kind,
              job: null,
              characters: [],
              billingOrder: null,
            });
        }
      }
      if (roles.size === 0 && missing.length === 0) {
        report.skip('no directors or writers listed');
        return;
      }
      for (const role of roles.values()) emit(role, n);
      if (roles.size > 0) report.imported += 1;
      if (missing.length > 0) {
        for (const nconst of new Set(missing)) report.error(n, run.ids.missingPersonMessage(nconst, 'this credit'));
      }
    },
  );
}

/**
 * A pass that writes roles: with `onlyNew`, a role already stored is left as it is (title.crew
 * only adds the directors and writers title.principals did not give). The report counts the roles
 * added and, under `kept`, the others.
 */
async function writeRolePass(
  run: ImportRun,
  name: 'title.principals' | 'title.crew',
  { onlyNew, kept }: { onlyNew: boolean; kept: string },
  makeHandler: (emit: (role: RoleWrite, line: number) => void) => LineHandler,
): Promise<void> {
  const report = run.reports.get(name)!;
  await run.runner.writePass<RoleWrite, { created: number }>(
    name,
    report,
    (tx, roles) => writeRoles(tx, roles, { onlyNew }),
    makeHandler,
    (roles, { created }) => {
      report.detail('roles added', created);
      report.detail(kept, roles.length - created);
    },
  );
}
