// Stands in for a worker that dies mid-job: takes one job from the queue with plain bee-queue,
// says so on stdout, and hangs until the test SIGKILLs it — leaving the job active with a lock
// nobody renews, exactly what `kill -9` on a real worker leaves behind.
import BeeQueue from 'bee-queue';

const [queueName, prefix, redisUrl] = process.argv.slice(2);
const queue = new BeeQueue(queueName, { prefix: `${prefix}:bq`, redis: { url: redisUrl }, isWorker: true, getEvents: false, sendEvents: false, stallInterval: 1000 });
queue.process(1, (job) => {
  console.log(`took ${job.id}`);
  return new Promise(() => {});
});
