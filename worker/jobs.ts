import { d1 } from 'litflare/worker';
import type { JobMessage } from './platform.server.js';

/**
 * The queue consumer: records each job's result in D1. A job whose text
 * contains "flaky" fails on its first attempt, so the demo shows a retry.
 */
export async function processJob(message: Message<JobMessage>): Promise<void> {
  const { id, text } = message.body;
  await d1('DB').prepare('UPDATE jobs SET attempts = ? WHERE id = ?').bind(message.attempts, id).run();
  if (text.includes('flaky') && message.attempts === 1) {
    throw new Error(`job ${id} failed on purpose on its first attempt`);
  }
  const result = [...text].reverse().join('');
  await d1('DB').prepare('UPDATE jobs SET result = ?, processed_at = ? WHERE id = ?').bind(result, Date.now(), id).run();
}
