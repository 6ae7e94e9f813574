/**
 * A budget of query cost points per client per minute, in fixed one-minute windows. Each API
 * process counts on its own: behind a load balancer of N processes a client may spend up to N
 * budgets, which the README says. Only the current window's counts are kept, so memory follows
 * the number of clients seen in the last minute.
 */
export interface RateVerdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the budget is whole again. */
  resetSeconds: number;
}

const WINDOW_MS = 60_000;

export class RateLimiter {
  private window = 0;
  private spent = new Map<string, number>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.perMinute > 0;
  }

  /** Charges `cost` to `client` when it fits in what is left of this minute's budget. */
  charge(client: string, cost: number): RateVerdict {
    const now = this.now();
    const window = Math.floor(now / WINDOW_MS);
    if (window !== this.window) {
      this.window = window;
      this.spent = new Map();
    }
    const resetSeconds = Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000));
    const spent = this.spent.get(client) ?? 0;
    if (spent + cost > this.perMinute) {
      return { allowed: false, limit: this.perMinute, remaining: Math.max(0, this.perMinute - spent), resetSeconds };
    }
    this.spent.set(client, spent + cost);
    return { allowed: true, limit: this.perMinute, remaining: this.perMinute - spent - cost, resetSeconds };
  }
}
