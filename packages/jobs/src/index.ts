export { JOB_NAMES, jobPayloads, jobId, jobPolicies } from './names.js';
export type { JobName, JobPayload, JobPolicy } from './names.js';
export { openQueue, enqueue, enqueueMany, createPipelineQueue } from './queues.js';
export type { QueueConnection } from './queues.js';
export { createEmailQueue } from './email-queue.js';
export { RedisProgressBus } from './progress-bus.js';
export { AttemptTracker } from './attempt-tracker.js';
export { RedisQueueMonitor } from './queue-monitor.js';
export { RedisJobSlots, slotLeaseMs } from './job-slots.js';
