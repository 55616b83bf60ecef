import { createRequire } from 'node:module';
import { z } from 'zod';

/**
 * whisper.cpp through @fugood/whisper.node's native packages. That wrapper lists its CUDA (~190 MB)
 * and Vulkan (~55 MB) builds as optional dependencies, so every linux-x64 install would carry
 * them; ClipForge runs whisper.cpp on CPU, so it depends on the CPU platform packages the wrapper
 * itself loads (`@fugood/node-whisper-<platform>-<arch>`, prebuilt, nothing fetched at install)
 * and does the wrapper's one step, `new WhisperContext(...)`, here. Loaded only when
 * TRANSCRIPTION_ENGINE=whisper-cpp, so the server and the other engines never touch it.
 */
export interface WhisperBinding {
  WhisperContext: {
    new (options: { filePath: string; useGpu?: boolean }): WhisperNativeContext;
    /** Routes whisper.cpp's own log (stderr by default) to a callback, delivered asynchronously. */
    toggleNativeLog(enable: boolean, callback?: (level: string, text: string) => void): void;
  };
}

export interface WhisperNativeContext {
  /** 16-bit little-endian mono PCM at 16 kHz. */
  transcribeData(pcm: ArrayBuffer, options: WhisperTranscribeOptions): { stop: () => Promise<void>; promise: Promise<unknown> };
  release(): Promise<void>;
}

export interface WhisperTranscribeOptions {
  language?: string;
  /** whisper.cpp's token-level timestamps; with maxLen 1 every token becomes its own segment. */
  tokenTimestamps?: boolean;
  maxLen?: number;
  maxThreads?: number;
  onProgress?: (percent: number) => void;
}

/** The binding's answer (t0/t1 in milliseconds), checked before it is trusted. */
export const whisperResult = z.object({
  isAborted: z.boolean(),
  segments: z.array(z.object({ text: z.string(), t0: z.number().nonnegative(), t1: z.number().nonnegative() })),
});
export type WhisperSegment = z.infer<typeof whisperResult>['segments'][number];

/** whisper-cpp cannot start as configured; the message says what to install or set. */
export class WhisperSetupError extends Error {
  override name = 'WhisperSetupError';
}

export const whisperPackageName = (platform: string = process.platform, arch: string = process.arch) => `@fugood/node-whisper-${platform}-${arch}`;

/** Loads the native binding for this machine, or explains why it cannot. */
export function loadWhisperBinding(packageName = whisperPackageName()): WhisperBinding {
  try {
    // The platform packages are CommonJS with a `.node` main, which ESM import() cannot load.
    return createRequire(import.meta.url)(packageName) as WhisperBinding;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' ? 'is not installed' : `could not be loaded (${(error as Error).message.split('\n')[0]})`;
    throw new WhisperSetupError(
      `TRANSCRIPTION_ENGINE=whisper-cpp needs the whisper.cpp binding ${packageName}, which ${reason}. ` +
        `Prebuilt bindings exist for linux-x64, linux-arm64 and darwin-arm64 (installed by npm ci as optional dependencies); ` +
        `elsewhere use TRANSCRIPTION_ENGINE=openai with a self-hosted whisper server.`,
    );
  }
}
