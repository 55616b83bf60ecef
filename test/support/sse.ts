/** Reads a tRPC SSE subscription over real HTTP and collects its data events until `until` says stop. */
export async function collectSse<T>(url: string, cookie: string, until: (event: T) => boolean, timeoutMs = 30_000): Promise<T[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: T[] = [];
  try {
    const response = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`SSE request failed: ${response.status} ${await response.text()}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let boundary: number;
      while ((boundary = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const isData = !/^event:/m.test(block);
        const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
        // A procedure error arrives as its own event; a test waiting for data should say so, not time out.
        if (/^event: serialized-error$/m.test(block)) throw new Error(`the subscription failed: ${data}`);
        if (!isData || !data) continue;
        const event = JSON.parse(data) as T;
        events.push(event);
        if (until(event)) return events;
      }
    }
    if (events.length === 0) throw new Error(`the stream ended without an event (HTTP ${response.status})`);
    return events;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
