/**
 * A push → pull bridge: listeners push events, one consumer iterates them in order.
 * Iteration ends when `signal` aborts, so a closed SSE connection frees its subscription.
 */
export function eventStream<T>(signal?: AbortSignal) {
  const buffered: T[] = [];
  let wake: (() => void) | null = null;
  let closed = signal?.aborted ?? false;
  const notify = () => {
    wake?.();
    wake = null;
  };
  signal?.addEventListener('abort', () => {
    closed = true;
    notify();
  });
  return {
    push: (event: T) => {
      buffered.push(event);
      notify();
    },
    async *[Symbol.asyncIterator](): AsyncGenerator<T> {
      while (!closed) {
        const next = buffered.shift();
        if (next !== undefined) {
          yield next;
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}
