import type { RemoteSource } from '@clipforge/core';
import { safeDownload } from './safe-fetch.js';

/** The RemoteSource port over safeDownload: direct media links, every hop checked. */
export function httpRemoteSource(options: { allowHosts: string[]; maxBytes: number }): RemoteSource {
  return {
    async download(url, filePath, onProgress) {
      await safeDownload(url, filePath, {
        allowHosts: options.allowHosts,
        maxBytes: options.maxBytes,
        onProgress: (received, total) => onProgress(total ? received / total : null),
      });
    },
  };
}
