/**
 * Failed credential checks per client (sliding window, in memory): a client
 * that keeps presenting bad tokens or API keys is refused for a while, so
 * keys cannot be guessed at request speed. Per process, like the sign-in
 * throttle; bounded in memory.
 */
export class FailedAttempts {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly maxClients = 10_000,
  ) {}

  /** Seconds until this client may try again; 0 when it may now. */
  retryAfter(client: string, now = Date.now()): number {
    const recent = this.recent(client, now);
    if (recent.length < this.limit) return 0;
    return Math.ceil((recent[recent.length - this.limit] + this.windowMs - now) / 1000);
  }

  fail(client: string, now = Date.now()): void {
    const recent = this.recent(client, now);
    recent.push(now);
    this.failures.delete(client);
    this.failures.set(client, recent.slice(-this.limit));
    if (this.failures.size > this.maxClients) {
      // The oldest entry (insertion order) goes first.
      this.failures.delete(this.failures.keys().next().value as string);
    }
  }

  private recent(client: string, now: number): number[] {
    return (this.failures.get(client) ?? []).filter((t) => t > now - this.windowMs);
  }
}
