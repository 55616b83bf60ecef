/** One spoken (or captioned) word with its timing in the source video. */
export interface Word {
  text: string;
  startMs: number;
  endMs: number;
}

export const TRANSCRIPT_STATUSES = ['queued', 'running', 'ready', 'failed'] as const;
export type TranscriptStatus = (typeof TRANSCRIPT_STATUSES)[number];

export interface Transcript {
  projectId: string;
  status: TranscriptStatus;
  progress: number;
  /** Which engine produced the words: `captions` (sidecar or embedded subtitles) or a speech engine. */
  engine: string | null;
  failureReason: string | null;
  words: Word[];
  editedAt: Date | null;
  updatedAt: Date;
}

export type TranscriptSummary = Omit<Transcript, 'words'>;

/** A user's correction of one word: the text changes, the timing stays. */
export interface WordEdit {
  index: number;
  text: string;
}
