import type { BlobStorage, MediaAnalyzer, MomentRepository, MomentScorer, ProgressBus, ProjectRepository, TranscriptRepository } from '../ports/index.js';
import type { AudioFeatures } from '../moment.js';
import type { TranscriptSummary } from '../transcript.js';
import { toProgressEvent } from './project-service.js';

export interface DetectMomentsDeps {
  projects: ProjectRepository;
  transcripts: TranscriptRepository;
  moments: MomentRepository;
  storage: BlobStorage;
  analyzer: MediaAnalyzer;
  scorer: MomentScorer;
  progress: ProgressBus;
}

/** Names the transcript version, so scoring threads reuse its analysis until the words change. */
export const transcriptCacheKey = (transcript: TranscriptSummary) => `${transcript.projectId}:${(transcript.editedAt ?? transcript.updatedAt).getTime()}`;

/**
 * The clip-detection stage: measures the audio and scene cuts, then scores moments with the
 * user's saved steering. Idempotent: features and moments are replaced as a whole.
 */
export async function detectMoments(deps: DetectMomentsDeps, projectId: string, reportProgress: (percent: number) => void = () => {}) {
  const [project, transcript] = await Promise.all([deps.projects.findById(projectId), deps.transcripts.find(projectId)]);
  if (!project || project.status !== 'ready' || !project.metadata) return 'not-ready' as const;
  if (transcript?.status !== 'ready') return 'no-transcript' as const;

  const report = async (percent: number) => {
    reportProgress(percent);
    await deps.moments.setProgress(projectId, percent);
    await deps.progress.publish(toProgressEvent(project, transcript, await deps.moments.findAnalysis(projectId)));
  };
  await deps.moments.startAnalysis(projectId);
  await report(5);

  const audio: AudioFeatures | null = project.audioKey ? await deps.analyzer.audioFeatures(await deps.storage.localPath(project.audioKey)) : null;
  await report(35);
  const sceneCutsMs = await deps.analyzer.sceneCuts(await deps.storage.localPath(project.sourceKey));
  await deps.moments.saveFeatures(projectId, audio, sceneCutsMs);
  await report(75);

  const analysis = await deps.moments.findAnalysis(projectId);
  const steering = analysis?.steering ?? {};
  const durationMs = Math.round(project.metadata.durationSec * 1000);
  const { result } = await deps.scorer.score({
    cacheKey: transcriptCacheKey(transcript),
    steering,
    load: async () => ({ words: transcript.words, durationMs, audio, visual: { sceneCutsMs } }),
  });
  await deps.moments.saveResult(projectId, steering, result);
  reportProgress(100);
  await deps.progress.publish(toProgressEvent(project, transcript, await deps.moments.findAnalysis(projectId)));
  return 'scored' as const;
}
