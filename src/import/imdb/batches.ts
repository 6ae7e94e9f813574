/**
 * Collects items into batches and writes them with at most `maxInFlight` transactions open, so
 * parsing the next batch overlaps writing the last. Each item carries its input line; a batch is
 * "committed through" its last line only once it and every earlier batch have committed, which
 * is the line an interrupted import resumes after.
 */
export class BatchPipeline<T> {
  private current: T[] = [];
  private currentLastLine = 0;
  private readonly ready: { items: T[]; lastLine: number }[] = [];
  private readonly inFlight: { done: Promise<void>; lastLine: number }[] = [];
  private failure: unknown;
  committedThrough = 0;

  constructor(
    private readonly size: number,
    private readonly maxInFlight: number,
    private readonly write: (items: T[]) => Promise<void>,
    private readonly onCommitted: (line: number) => void = () => {},
    /** Once true, no further batch is started (Ctrl-C); see abandon. */
    private readonly stopped: () => boolean = () => false,
  ) {}

  /**
   * A full batch is cut only when an item of a later line comes: the items of one line (a crew
   * row's roles, a title's principals gathered on its last line) always share a batch, since a
   * resumed run skips every item up to the line committed.
   */
  push(item: T, line: number): void {
    if (this.current.length >= this.size && line !== this.currentLastLine) this.cut();
    this.current.push(item);
    this.currentLastLine = line;
  }

  /** Starts writing every full batch (cut, see push); returns once no more than maxInFlight are open. */
  async pump(): Promise<void> {
    while (this.ready.length > 0 && !this.stopped()) {
      while (this.inFlight.length >= this.maxInFlight) await this.settleOldest();
      if (this.stopped()) break;
      const batch = this.ready.shift()!;
      const done = this.write(batch.items).catch((error: unknown) => {
        this.failure ??= error;
      });
      this.inFlight.push({ done, lastLine: batch.lastLine });
    }
    await this.throwIfFailed();
  }

  /** Writes what is left, including a last partial batch, and waits for every write. */
  async finish(): Promise<void> {
    if (this.current.length > 0) this.cut();
    await this.pump();
    while (this.inFlight.length > 0) await this.settleOldest();
    await this.throwIfFailed();
  }

  /** Waits for the open writes and drops the rest: a later run writes them, after committedThrough. */
  async abandon(): Promise<void> {
    this.ready.length = 0;
    this.current = [];
    while (this.inFlight.length > 0) await this.settleOldest();
    await this.throwIfFailed();
  }

  private cut(): void {
    this.ready.push({ items: this.current, lastLine: this.currentLastLine });
    this.current = [];
  }

  private async settleOldest(): Promise<void> {
    const oldest = this.inFlight[0];
    await oldest.done;
    this.inFlight.shift();
    if (this.failure === undefined) this.advance(oldest.lastLine);
    await this.throwIfFailed();
  }

  private advance(line: number): void {
    if (line > this.committedThrough) {
      this.committedThrough = line;
      this.onCommitted(line);
    }
  }

  /** On a failed write, lets the other open writes end before giving up, so none runs on unseen. */
  private async throwIfFailed(): Promise<void> {
    if (this.failure === undefined) return;
    const open = this.inFlight.splice(0);
    await Promise.all(open.map((entry) => entry.done));
    throw this.failure;
  }
}
