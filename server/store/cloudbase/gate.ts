/**
 * A readers–writer gate within one process. Ordinary store operations share it and run
 * concurrently (CloudBase makes each one atomic by itself); a transaction holds it alone, so that the
 * store's other operations wait until the transaction has ended instead of interleaving with it —
 * the same promise as the SQLite adapter's. A cloud function container serves one request at a time,
 * so in production the wait costs nothing; across containers CloudBase's own transaction isolation
 * applies.
 */
export class Gate {
  /** Settles when the last exclusive task registered so far has finished. */
  private barrier: Promise<void> = Promise.resolve();
  private readonly running = new Set<Promise<unknown>>();

  shared<R>(task: () => Promise<R>): Promise<R> {
    const result = this.barrier.then(task);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
    return result;
  }

  /** Waits for everything registered before it, then runs alone; later tasks wait for it. */
  exclusive<R>(task: () => Promise<R>): Promise<R> {
    const before = Promise.all([this.barrier, ...this.running]);
    const result = before.then(task);
    this.barrier = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
