/**
 * Whether Neo4j is known to be down. Once a statement finds it unreachable, every later one is
 * refused at once (no connection attempt, no retries) while a background probe asks Neo4j every
 * PROBE_MS whether it is back; the first answer marks it up, so correct answers resume within a
 * probe interval of Neo4j's return, without restarting anything.
 */
const PROBE_MS = 500;

export class Health {
  down = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly probe: () => Promise<boolean>) {}

  markDown(): void {
    if (this.down || this.stopped) return;
    this.down = true;
    this.schedule();
  }

  /** Ends probing for good (the database is closing). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    this.timer = setTimeout(async () => {
      if (this.stopped) return;
      if (await this.probe()) this.down = false;
      else this.schedule();
    }, PROBE_MS);
    // A probe must never keep a process alive that has nothing else to do.
    this.timer.unref();
  }
}
