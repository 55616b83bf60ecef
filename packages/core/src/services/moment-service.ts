import { DomainError } from '../errors.js';
import { MAX_CLIP_MS } from '../export.js';
import type { Moment, MomentAnalysis, MomentSteering, ScoringMaterial } from '../moment.js';
import type { Project } from '../project.js';
import type { MomentRepository, MomentScorer, ScoringRequest, TranscriptRepository } from '../ports/index.js';
import type { Actor, ProjectService } from './project-service.js';
import { transcriptCacheKey } from './detect-moments.js';

export interface MomentServiceDeps {
  projects: ProjectService;
  transcripts: TranscriptRepository;
  moments: MomentRepository;
  scorer: MomentScorer;
}

export interface ProjectMoments {
  analysis: MomentAnalysis | null;
  moments: Moment[];
}

/** Moments as members see, steer and trim them. */
export class MomentService {
  constructor(private readonly deps: MomentServiceDeps) {}

  async get(actor: Actor, projectId: string): Promise<ProjectMoments> {
    await this.deps.projects.get(actor, projectId); // org check
    const [analysis, moments] = await Promise.all([this.deps.moments.findAnalysis(projectId), this.deps.moments.list(projectId)]);
    return { analysis, moments };
  }

  /** Scores again with new steering, reusing the stage's audio and scene measurements. */
  async rescore(actor: Actor, projectId: string, steering: MomentSteering): Promise<ProjectMoments> {
    const { request, analysis } = await this.scorable(actor, projectId, steering);
    const { result } = await this.deps.scorer.score(request);
    if (!analysis) await this.deps.moments.startAnalysis(projectId);
    const moments = await this.deps.moments.saveResult(projectId, steering, result);
    return { analysis: await this.deps.moments.findAnalysis(projectId), moments };
  }

  /** Moves a moment's edges (snapped to word boundaries) and re-scores what it now covers. */
  async trim(actor: Actor, momentId: string, startMs: number, endMs: number): Promise<Moment> {
    const moment = await this.deps.moments.find(momentId);
    if (!moment) throw notFound();
    const project = await this.deps.projects.get(actor, moment.projectId).catch((error: unknown) => {
      throw error instanceof DomainError && error.code === 'NOT_FOUND' ? notFound() : error;
    });
    const durationMs = Math.round((project.metadata?.durationSec ?? 0) * 1000);
    if (endMs <= startMs) throw new DomainError('BAD_INPUT', 'A moment must end after it starts.');
    if (startMs < 0 || endMs > durationMs + 50) throw new DomainError('BAD_INPUT', `Keep the moment inside the video (0–${(durationMs / 1000).toFixed(1)} s).`);
    if (endMs - startMs > MAX_CLIP_MS) throw new DomainError('BAD_INPUT', 'A moment can be at most 10 minutes long.');
    const { request } = await this.scorable(actor, moment.projectId, null);
    const candidate = await this.deps.scorer.scoreClip(request, startMs, Math.min(endMs, durationMs));
    if (!candidate) throw new DomainError('BAD_INPUT', 'That range holds no speech; move the handles over some words.');
    return this.deps.moments.replace(momentId, candidate);
  }

  /**
   * Checks that the project can be scored and builds the scoring request. Only the transcript's
   * state is read here: words and measurements load only if no scoring thread has them cached,
   * which keeps re-scores from parsing megabytes of JSON on the event loop.
   */
  private async scorable(actor: Actor, projectId: string, steering: MomentSteering | null) {
    const project = await this.deps.projects.get(actor, projectId);
    if (project.status !== 'ready' || !project.metadata) throw new DomainError('CONFLICT', 'Moments come once the video has been imported.');
    const [transcript, analysis] = await Promise.all([this.deps.transcripts.findSummary(projectId), this.deps.moments.findAnalysis(projectId)]);
    if (transcript?.status !== 'ready') throw new DomainError('CONFLICT', 'Moments need the transcript: wait for it, or add a caption file.');
    if (analysis && (analysis.status === 'queued' || analysis.status === 'running')) {
      throw new DomainError('CONFLICT', 'Moments are still being detected; steer them once that finishes.');
    }
    const request: ScoringRequest = {
      cacheKey: transcriptCacheKey(transcript),
      steering: steering ?? analysis?.steering ?? {},
      load: () => this.material(project),
    };
    return { request, analysis };
  }

  private async material(project: Project): Promise<ScoringMaterial> {
    const [transcript, features] = await Promise.all([this.deps.transcripts.find(project.id), this.deps.moments.findFeatures(project.id)]);
    return {
      words: transcript?.words ?? [],
      durationMs: Math.round((project.metadata?.durationSec ?? 0) * 1000),
      audio: features?.audio ?? null,
      visual: features?.sceneCutsMs ? { sceneCutsMs: features.sceneCutsMs } : null,
    };
  }
}

const notFound = () => new DomainError('NOT_FOUND', 'Moment not found. It may have been replaced by a re-score, or it belongs to another organization.');
