/**
 * At most `limit` of the deputies' submissions in the database at once; the others wait their
 * turn, in order of arrival. At the opening of a session a thousand deputies submit at once,
 * and without the gate their writes would hold every pooled connection (PGlite has one) while
 * the units' lists and details queued behind them: the gate keeps connections free for reads.
 * A waiting write has not begun, so nothing of it is lost if the process stops.
 */
export class WriteGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new Error('a write gate lets at least one write through');
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.limit) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      // The next in line takes this write's place; only when none waits does the count drop.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
