import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DomainError } from '../errors.js';
import type { BlobStorage, CaptionExtractor, PipelineQueue, TranscriptRepository } from '../ports/index.js';
import type { Transcript, WordEdit } from '../transcript.js';
import type { Actor, ProjectService } from './project-service.js';
import { captionsKey } from './transcribe-project.js';

export interface TranscriptServiceDeps {
  projects: ProjectService;
  transcripts: TranscriptRepository;
  storage: BlobStorage;
  captions: Pick<CaptionExtractor, 'parseCaptions'>;
  queue: PipelineQueue;
}

const MAX_CAPTIONS_BYTES = 5 * 1024 * 1024;
const MAX_WORD_LENGTH = 200;

/** A project's transcript as its organization's members see and correct it. */
export class TranscriptService {
  constructor(private readonly deps: TranscriptServiceDeps) {}

  async get(actor: Actor, projectId: string): Promise<Transcript | null> {
    await this.deps.projects.get(actor, projectId); // org check
    return this.deps.transcripts.find(projectId);
  }

  /** Corrects word texts; the timings stay, so later stages cut and caption at the same moments. */
  async edit(actor: Actor, projectId: string, edits: WordEdit[]): Promise<Transcript> {
    const current = await this.get(actor, projectId);
    if (!current || current.status !== 'ready') throw new DomainError('CONFLICT', 'The transcript is not ready yet; edit it once it is.');
    for (const edit of edits) {
      if (!Number.isInteger(edit.index) || edit.index < 0 || edit.index >= current.words.length) {
        throw new DomainError('BAD_INPUT', `Word ${edit.index} does not exist; the transcript has ${current.words.length} words.`);
      }
      const text = edit.text.trim();
      if (!text || text.length > MAX_WORD_LENGTH) throw new DomainError('BAD_INPUT', `A corrected word needs 1 to ${MAX_WORD_LENGTH} visible characters.`);
    }
    const updated = await this.deps.transcripts.applyEdits(
      projectId,
      edits.map((e) => ({ index: e.index, text: e.text.trim() })),
    );
    if (!updated) throw new DomainError('NOT_FOUND', 'Transcript not found.');
    return updated;
  }

  /** Stores an SRT/VTT file for the project and transcribes from it (replacing earlier words). */
  async attachCaptions(actor: Actor, projectId: string, content: string): Promise<void> {
    const project = await this.deps.projects.get(actor, projectId);
    if (project.status !== 'ready') throw new DomainError('CONFLICT', 'Add captions once the video has been imported.');
    if (Buffer.byteLength(content) > MAX_CAPTIONS_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', 'Caption files can be at most 5 MB.');
    const words = this.deps.captions.parseCaptions(content); // validates before anything is stored
    if (words.length === 0) throw new DomainError('BAD_INPUT', 'The caption file has no text in it.');
    await this.deps.storage.put(captionsKey(projectId), Readable.from([content]), { maxBytes: MAX_CAPTIONS_BYTES });
    await this.deps.transcripts.queue(projectId);
    const version = createHash('sha256').update(content).digest('hex').slice(0, 12);
    await this.deps.queue.enqueueTranscription(projectId, `captions-${version}`);
  }
}
