/**
 * Applies the chunks that a consumer's partition handlers hand in at about
 * the same time as one: the chunks that arrive while a transaction runs make
 * up the next one (up to `maxEvents`). kafkajs runs one handler per
 * partition; without this, each paid for a transaction of its own, and the
 * register's handlers, taking the same locks, waited for each other in turn:
 * most of a commitment's time on its way through the system.
 *
 * A group that fails is applied again chunk by chunk, so one bad chunk fails
 * only its own handler, which then isolates the bad event itself.
 */
export class GroupCommit<E> {
  private readonly waiting: { events: E[]; done: (err?: unknown) => void }[] = [];
  private draining = false;

  constructor(
    private readonly apply: (events: E[]) => Promise<void>,
    private readonly maxEvents: number,
  ) {}

  submit(events: E[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ events, done: (err) => (err === undefined ? resolve() : reject(err)) });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    // Handlers of one fetch start together: let them all hand in first.
    await new Promise((r) => setImmediate(r));
    while (this.waiting.length > 0) {
      const group = this.take();
      try {
        await this.apply(group.flatMap((g) => g.events));
        for (const g of group) g.done();
      } catch (err) {
        if (group.length === 1) group[0].done(err ?? new Error('chunk failed'));
        else for (const g of group) g.done(await this.alone(g.events));
      }
    }
    this.draining = false;
  }

  /** The oldest chunks that fit together (always at least one). */
  private take() {
    let size = this.waiting[0].events.length;
    let n = 1;
    while (n < this.waiting.length && size + this.waiting[n].events.length <= this.maxEvents) {
      size += this.waiting[n].events.length;
      n++;
    }
    return this.waiting.splice(0, n);
  }

  private async alone(events: E[]): Promise<unknown> {
    try {
      await this.apply(events);
      return undefined;
    } catch (err) {
      return err ?? new Error('chunk failed');
    }
  }
}
