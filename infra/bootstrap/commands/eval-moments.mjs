import { buildAll } from '../build.mjs';
import { ensureCommands } from '../system-packages.mjs';

/** `npm run eval:moments`: the planted-segment evaluation of moment detection, see perf/README.md. */
export async function main() {
  ensureCommands({ ffmpeg: 'ffmpeg', ffprobe: 'ffmpeg', 'espeak-ng': 'espeak-ng' });
  buildAll();
  await (await import('../../../perf/eval-moments.mjs')).evalMoments();
}
