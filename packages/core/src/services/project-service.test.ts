import { describe, expect, it } from 'vitest';
import { projectNameFromFile } from './project-service.js';
import { eventStream } from './event-stream.js';

describe('projectNameFromFile', () => {
  it('drops folders, the extension and control characters', () => {
    expect(projectNameFromFile('C:\\videos\\Episode 12.final.MP4')).toBe('Episode 12.final');
    expect(projectNameFromFile('/tmp/talk\u0007.mov')).toBe('talk');
    expect(projectNameFromFile('.mp4')).toBe('Untitled video');
    expect(projectNameFromFile('x'.repeat(300)).length).toBe(120);
  });
});

describe('eventStream', () => {
  it('yields pushed events in order and ends when the signal aborts', async () => {
    const controller = new AbortController();
    const stream = eventStream<number>(controller.signal);
    stream.push(1);
    stream.push(2);
    const seen: number[] = [];
    const consumed = (async () => {
      for await (const n of stream) {
        seen.push(n);
        if (n === 3) controller.abort();
      }
    })();
    setTimeout(() => stream.push(3), 10);
    await consumed;
    expect(seen).toEqual([1, 2, 3]);
  });
});
