import { IMDB_FILES } from './files';
import { RoleWrite, mergeRoleRows, writeRoles } from './graph';
import { IdSet } from './id-set';
import { ImportRun, LineHandler } from './pass-runner';
import { parseCrew, parsePrincipal, RowError, splitRow } from './rows';

/** The passes that write roles: title.principals, then the directors and writers of title.crew it did not give. */

/** The report's figure for principal rows that joined a role another row had already given. */
export const MERGED_ROWS = 'rows merged into a role';

export async function principals(run: ImportRun): Promise<void> {
  const name = 'title.principals';
  if (!run.files.has(name)) return;
  const report = run.reports.get(name)!;
  const columns = IMDB_FILES[name].length;
  await writeRolePass(run, name, { onlyNew: false, kept: 'roles updated' }, (emit) => {
    // IMDb may list a person several times on one title under categories of one kind (actor at
    // orderings 2 and 6, two producer jobs, several categories that are all CREW): those rows are
    // one role with all their jobs and characters and the lowest billing order. Rows come grouped
    // by title, so a title's roles are gathered here and emitted whole with the group's last line
    // (a batch, and so a checkpoint, never splits them). Rows of a title that are not together
    // still end in one role: writeRoles merges into a role this run already wrote.
    let group: { title: number; roles: Map<string, RoleWrite>; lastLine: number } | undefined;
    const seen = new IdSet();
    const flush = () => {
      if (!group) return;
      for (const role of group.roles.values()) emit(role, group.lastLine);
      group = undefined;
    };
    const handle = (line: string, n: number) => {
      if (run.ids.skipsUnchosenTitle(line, columns, report)) return;
      const row = parsePrincipal(splitRow(line, columns));
      if (!run.ids.films.has(row.title)) throw new RowError(run.ids.missingTitleMessage(row.tconst));
      if (!run.ids.people.has(row.person)) throw new RowError(run.ids.missingPersonMessage(row.nconst));
      if (group?.title !== row.title) {
        flush();
        if (!seen.add(row.title) && report.notes.length < 10) {
          // Still merged right (writeRoles), but a second import raises these roles' versions once
          // more: the first rows replace the stored role before the later ones join it again.
          report.notes.push(`line ${n}: the rows of ${row.tconst} are not together; they are merged into the roles of the earlier ones`);
        }
        group = { title: row.title, roles: new Map(), lastLine: n };
      }
      group.lastLine = n;
      report.imported += 1;
      const role: RoleWrite = {
        film: row.tconst,
        person: row.nconst,
        kind: row.kind,
        jobs: row.job === null ? [] : [row.job],
        characters: row.characters,
        billingOrder: row.billingOrder,
      };
      const key = `${row.person}|${row.kind}`;
      const earlier = group.roles.get(key);
      if (earlier) report.detail(MERGED_ROWS, 1);
      group.roles.set(key, earlier ? mergeRoleRows(earlier, role) : role);
    };
    return Object.assign(handle, { end: flush });
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
              jobs: [],
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
  makeHandler: (emit: (role: RoleWrite, line: number) => void) => LineHandler & { end?: () => void },
): Promise<void> {
  const report = run.reports.get(name)!;
  await run.runner.writePass<RoleWrite, { created: number; merged: number; updated: number }>(
    name,
    report,
    (tx, roles) => writeRoles(tx, roles, { onlyNew, run: run.runId }),
    makeHandler,
    (_roles, { created, merged, updated }) => {
      report.detail('roles added', created);
      if (onlyNew) report.detail(kept, updated + merged);
      else {
        report.detail(kept, updated);
        if (merged > 0) report.detail(MERGED_ROWS, merged);
      }
    },
  );
}
