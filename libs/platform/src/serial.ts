/**
 * Runs tasks one after another: a pass started by a timer, by a file-system
 * event or by hand never overlaps another (which could take the same file,
 * feed entry or alert twice).
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = false;

  /** Run `task` after every task queued before it. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Ask for `task` to run after what is running, unless a request is already
   * waiting: any number of requests while busy make one more run. Returns
   * that run, or undefined when this request joined a waiting one.
   */
  request<T>(task: () => Promise<T>): Promise<T> | undefined {
    if (this.waiting) return undefined;
    this.waiting = true;
    return this.run(() => {
      this.waiting = false;
      return task();
    });
  }

  /** Resolves when every task queued so far has finished. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
