export { ffmpegTools } from './ffmpeg-tools.js';
export type { FfmpegPaths } from './ffmpeg-tools.js';
export { parseProbe, DEFAULT_PROBE_LIMITS } from './probe.js';
export type { ProbeLimits } from './probe.js';
export { LocalBlobStorage, tooLarge, formatBytes } from './local-storage.js';
export { signMediaPath, verifyMediaSignature } from './media-url.js';
export type { MediaUrlCheck } from './media-url.js';
export { run, CommandError } from './run.js';
