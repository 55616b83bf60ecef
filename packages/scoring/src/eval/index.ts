// The moment-detection evaluation set and its measures (npm run eval:moments, tests).
export { plantedTalk } from './planted-talks.js';
export type { PlantedTalk } from './planted-talks.js';
export { precisionAt, wordsCut, sentenceAlignedShare, meanDurationError, sentenceEdges } from './metrics.js';
