import type { Connection } from './client.js';
import type { Progress } from './progress.js';

const EXPORT_POLL_MS = 10_000;

type Stage = { status: string; progress: number; failureReason: string | null } | null;

/** The project as its progress events have described it so far. */
export interface PipelineState {
  status: string;
  progress: number;
  failureReason: string | null;
  transcript: Stage;
  moments: Stage;
  exports: Map<string, NonNullable<Stage>>;
}

interface ProgressEvent {
  status: string;
  progress: number;
  failureReason: string | null;
  transcript: Stage;
  moments: Stage;
  export: { exportId: string; status: string; progress: number; failureReason: string | null } | null;
}

/** Imported, transcribed and its moments found. */
export const pipelineDone = (s: PipelineState) => s.status === 'ready' && s.transcript?.status === 'ready' && s.moments?.status === 'ready';

/** Every one of these exports rendered. */
export const exportsDone = (ids: string[]) => (s: PipelineState) => ids.every((id) => s.exports.get(id)?.status === 'ready');

/**
 * Follows the project's progress stream (one Server-sent Events request, whatever the length of
 * the work) until `done` holds, drawing the current step on `progress`. Rejects with the reason
 * when a step the caller waits for fails.
 */
export function follow(conn: Connection, projectId: string, progress: Progress, done: (s: PipelineState) => boolean, exportIds: string[] = []): Promise<PipelineState> {
  const state: PipelineState = { status: 'uploaded', progress: 0, failureReason: null, transcript: null, moments: null, exports: new Map() };
  return new Promise((resolve, reject) => {
    let over = false;
    const finish = (outcome: () => void) => {
      if (over) return;
      over = true;
      clearInterval(poll);
      subscription.unsubscribe();
      progress.stop();
      outcome();
    };
    const check = () => {
      const failure = failureOf(state, exportIds);
      if (failure) return finish(() => reject(new Error(failure)));
      show(state, progress, exportIds);
      if (done(state)) finish(() => resolve(state));
    };
    const subscription = conn.api.projects.onProgress.subscribe(
      { id: projectId },
      {
        onData(data) {
          merge(state, data as ProgressEvent);
          check();
        },
        onError(error) {
          finish(() => reject(error));
        },
      },
    );
    // The stream's first event describes the project, not its exports, and a render that ends
    // while the stream reconnects sends nothing: read the exports themselves now and then too.
    const readExports = async () => {
      if (!exportIds.length || over) return;
      const clips = await conn.api.exports.list.query({ projectId }).catch(() => []);
      for (const c of clips) if (exportIds.includes(c.id)) state.exports.set(c.id, { status: c.status, progress: c.progress, failureReason: c.failureReason });
      check();
    };
    const poll = setInterval(() => void readExports(), EXPORT_POLL_MS);
    void readExports();
  });
}

function merge(state: PipelineState, event: ProgressEvent) {
  state.status = event.status;
  state.progress = event.progress;
  state.failureReason = event.failureReason;
  // Each event carries the stages it is about; the others stay as last seen.
  state.transcript = event.transcript ?? state.transcript;
  state.moments = event.moments ?? state.moments;
  if (event.export) state.exports.set(event.export.exportId, event.export);
}

function failureOf(s: PipelineState, exportIds: string[]): string | null {
  if (s.status === 'failed') return `Import failed: ${s.failureReason ?? 'no reason given'}`;
  if (s.transcript?.status === 'failed') return `Transcription failed: ${s.transcript.failureReason ?? 'no reason given'}`;
  if (s.moments?.status === 'failed') return `Finding moments failed: ${s.moments.failureReason ?? 'no reason given'}`;
  const failed = exportIds.map((id) => s.exports.get(id)).find((e) => e?.status === 'failed');
  return failed ? `An export failed: ${failed.failureReason ?? 'no reason given'}` : null;
}

function show(s: PipelineState, progress: Progress, exportIds: string[]) {
  if (exportIds.length) {
    const total = exportIds.reduce((sum, id) => sum + (s.exports.get(id)?.status === 'ready' ? 100 : (s.exports.get(id)?.progress ?? 0)), 0);
    return progress.update(`render ${exportIds.length} clip${exportIds.length === 1 ? '' : 's'}`, total / exportIds.length);
  }
  if (s.status !== 'ready') return progress.update('import', s.progress);
  if (s.transcript?.status !== 'ready') return progress.update('transcribe', s.transcript?.progress ?? 0);
  progress.update('find moments', s.moments?.status === 'ready' ? 100 : (s.moments?.progress ?? 0));
}
