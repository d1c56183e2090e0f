/**
 * Serializes async work per partition, so a window is never closed while a chunk for the same
 * partition is being counted into it.
 */
export class PartitionLocks {
  private readonly tails = new Map<number, Promise<unknown>>();

  run<T>(partition: number, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(partition) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.tails.set(
      partition,
      next.catch(() => undefined),
    );
    return next;
  }
}
