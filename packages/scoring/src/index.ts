export { analyze, rank, scoreMoments, scoreClip, snapToWords } from './score-moments.js';
export type { Analysis } from './score-moments.js';
export { effectiveSettings } from './settings.js';
export { ScoringPool } from './pool.js';
export type { ScoringPoolOptions } from './pool.js';
