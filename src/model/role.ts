/**
 * A role as stored: kind, job, jobs, characters (as credited), billingOrder, credited, and `key`
 * (person id | film id | kind: a person holds at most one role of a kind on a film).
 *
 *   jobs   every job the role holds, distinct, in the order first given ("producer", then
 *          "executive producer"); IMDb may list one person several times under one kind
 *   job    the first of them (null when there are none), kept for readers of one job
 *   imdbRun the IMDb import run that last held the role (see import/imdb: --prune), IMDb's roles only
 */
export function roleKey(personId: string, filmId: string, kind: string): string {
  return `${personId}|${filmId}|${kind}`;
}

/** A role's jobs from what a writer gives: `jobs` when given, else `job` alone; distinct, no empty ones. */
export function jobsOf(job: string | null | undefined, jobs?: readonly string[] | null): string[] {
  const given = jobs ?? (job ? [job] : []);
  return [...new Set(given.filter((j) => j !== ''))];
}

/** Two lists of jobs as one: the first's, then the second's it lacks (a merge of two roles). */
export function joinedJobs(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** The stored `jobs` read back; roles stored before there were lists hold `job` only. */
export function jobsExpression(role: string): string {
  return `coalesce(${role}.jobs, CASE WHEN ${role}.job IS NULL THEN [] ELSE [${role}.job] END)`;
}

/** A Role with what ordering needs of its person; `character` may be null (no recurring character). */
export function roleProjection(role: string, person: string, film: string, character: string): string {
  return `${role} {.id, .kind, .job, jobs: ${jobsExpression(role)}, characters: coalesce(${role}.characters, []), .billingOrder,
    credited: coalesce(${role}.credited, true), personId: ${person}.id, filmId: ${film}.id,
    characterId: ${character}.id, personName: ${person}.name, version: coalesce(${role}.version, 1)}`;
}
