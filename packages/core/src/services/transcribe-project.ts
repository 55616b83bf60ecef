import { DomainError, isDomainError } from '../errors.js';
import type { CaptionExtractor, BlobStorage, PipelineQueue, ProgressBus, ProjectRepository, SpeechEngine, TranscriptRepository } from '../ports/index.js';
import type { Word } from '../transcript.js';
import { readFile } from 'node:fs/promises';
import { toProgressEvent } from './project-service.js';

export interface TranscribeDeps {
  projects: ProjectRepository;
  transcripts: TranscriptRepository;
  storage: BlobStorage;
  captions: CaptionExtractor;
  /** Null when no speech engine is configured. */
  speech: SpeechEngine | null;
  progress: ProgressBus;
  queue: PipelineQueue;
}

export const captionsKey = (projectId: string) => `projects/${projectId}/captions.txt`;

export const NO_ENGINE_MESSAGE =
  'This video has no captions and no speech-to-text engine is configured. Upload an SRT or VTT caption file for it, ' +
  'or ask your operator to set TRANSCRIPTION_ENGINE=openai (OpenAI, Groq or a self-hosted whisper server) ' +
  'or TRANSCRIPTION_ENGINE=whisper-cpp (local, with WHISPER_MODEL_PATH).';

/**
 * Produces the project's words: an uploaded caption file first, then captions embedded in the
 * video, then the configured speech engine. Idempotent: the words are replaced as a whole.
 * Clip detection follows under the same `reason`.
 * A problem the user can act on fails the transcript with the reason; others propagate for retry.
 */
export async function transcribeProject(
  deps: TranscribeDeps,
  projectId: string,
  reason: string,
  reportProgress: (percent: number) => void = () => {},
) {
  // The import queues this job just before it marks the project ready (so no crash can lose it):
  // the source is stored by then, so the project may still read `importing` here, and that is fine.
  const project = await deps.projects.findById(projectId);
  if (!project || project.status === 'failed' || project.status === 'uploaded') return 'not-ready' as const;
  const publish = async () => {
    const [current, transcript] = await Promise.all([deps.projects.findById(projectId), deps.transcripts.findSummary(projectId)]);
    if (current) await deps.progress.publish(toProgressEvent(current, transcript));
  };
  const report = async (percent: number) => {
    reportProgress(percent);
    await deps.transcripts.setProgress(projectId, percent);
    await publish();
  };

  await report(5);
  try {
    const { engine, words } = await findWords(deps, projectId, project.sourceKey, project.audioKey, (f) => void report(5 + Math.floor(90 * f)));
    await deps.transcripts.saveWords(projectId, engine, words);
    // After the words are saved: a crash before this line re-runs the transcription, then this.
    await deps.queue.enqueueClipDetection(projectId, reason);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await deps.transcripts.markFailed(projectId, error.message);
    await publish();
    return 'failed' as const;
  }
  reportProgress(100);
  await publish();
  return 'transcribed' as const;
}

async function findWords(
  deps: TranscribeDeps,
  projectId: string,
  sourceKey: string,
  audioKey: string | null,
  onProgress: (fraction: number) => void,
): Promise<{ engine: string; words: Word[] }> {
  if (await deps.storage.exists(captionsKey(projectId))) {
    const content = await readFile(await deps.storage.localPath(captionsKey(projectId)), 'utf8');
    return { engine: 'captions (uploaded)', words: deps.captions.parseCaptions(content) };
  }
  const videoPath = await deps.storage.localPath(sourceKey);
  const embedded = await deps.captions.embeddedCaptions(videoPath);
  if (embedded) return { engine: 'captions (embedded)', words: embedded };
  if (!deps.speech) throw new DomainError('BAD_INPUT', NO_ENGINE_MESSAGE);
  const audioPath = audioKey ? await deps.storage.localPath(audioKey) : videoPath;
  return { engine: deps.speech.name, words: await deps.speech.transcribe(audioPath, onProgress) };
}
