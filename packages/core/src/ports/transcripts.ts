import type { Transcript, TranscriptSummary, Word, WordEdit } from '../transcript.js';

export interface TranscriptRepository {
  find(projectId: string): Promise<Transcript | null>;
  /** The transcript's state without its words (cheap: no JSON of thousands of words to parse). */
  findSummary(projectId: string): Promise<TranscriptSummary | null>;
  /** Creates the row as queued, or resets an existing one for a re-run (keeps nothing stale). */
  queue(projectId: string): Promise<void>;
  setProgress(projectId: string, progress: number): Promise<void>;
  saveWords(projectId: string, engine: string, words: Word[]): Promise<void>;
  markFailed(projectId: string, reason: string): Promise<void>;
  /** Applies edits to word texts (timings untouched); returns the updated transcript. */
  applyEdits(projectId: string, edits: WordEdit[]): Promise<Transcript | null>;
}

/** A speech-to-text engine (OpenAI-compatible API, whisper.cpp…). */
export interface SpeechEngine {
  readonly name: string;
  /** Reads the import's 16 kHz mono audio (or any file ffmpeg reads). */
  transcribe(audioPath: string, onProgress: (fraction: number) => void): Promise<Word[]>;
}

/** Captions that come with the video: an embedded subtitle stream, or null when there is none. */
export interface CaptionExtractor {
  embeddedCaptions(videoPath: string): Promise<Word[] | null>;
  /** Parses an SRT or WebVTT file's text into words; DomainError BAD_INPUT when it is neither. */
  parseCaptions(content: string): Word[];
}
