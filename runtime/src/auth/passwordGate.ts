/**
 * Password checks cost ~128 MiB and a fraction of a second of a core each (scrypt at OWASP's cost), and run on the
 * libuv pool that file reads share. A flood of sign-ins (many usernames, many addresses, before any failure is
 * counted) must not queue without end: at most `running` checks at once, `waiting` more queued, the rest refused at
 * once so the caller can retry.
 */
export class PasswordGate {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(
    private readonly running = 2,
    private readonly waiting = 32,
  ) {}

  /** Runs the work when a place is free; undefined at once when the queue is full (the work is not run). */
  async run<T>(work: () => Promise<T>): Promise<{ value: T } | undefined> {
    if (this.active >= this.running) {
      if (this.queue.length >= this.waiting) return undefined;
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else this.active++;
    try {
      return { value: await work() };
    } finally {
      // The place passes to the next in line, if any, without being freed in between.
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }
}
