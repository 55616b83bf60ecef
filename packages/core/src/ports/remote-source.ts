/** Fetches a user-supplied link to a local file, refusing non-public addresses. */
export interface RemoteSource {
  /** Rejects with DomainError when the link is unusable (blocked address, not a video, too large). */
  download(url: string, filePath: string, onProgress: (fraction: number | null) => void): Promise<void>;
}
