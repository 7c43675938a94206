import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { env as workerEnv } from 'cloudflare:workers';
import { cookie, createApp, d1, kv, request, session, setCookie, variable, waitUntil, kvSessionStore } from 'litflare/worker';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { jobsApp, type Job } from './fixtures/jobs.js';
import { send } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';

const SCHEDULE = '*/10 * * * *';

beforeAll(async () => {
  await workerEnv.DB.batch([
    workerEnv.DB.prepare('CREATE TABLE IF NOT EXISTS test_cron_runs (cron TEXT, scheduled_at INTEGER, app TEXT)'),
    workerEnv.DB.prepare(
      'CREATE TABLE IF NOT EXISTS test_job_runs (job TEXT NOT NULL, attempt INTEGER NOT NULL, outcome TEXT NOT NULL)',
    ),
  ]);
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Calls each request-only accessor and collects what it threw. */
async function requestOnlyErrors(): Promise<string[]> {
  const attempts: (() => unknown)[] = [() => request(), () => cookie('a'), () => setCookie('a', 'b'), () => session()];
  const messages: string[] = [];
  for (const attempt of attempts) {
    try {
      await attempt();
      messages.push('no error');
    } catch (error) {
      messages.push((error as Error).message);
    }
  }
  return messages;
}

describe('cron handlers', () => {
  const app = createApp({ shell: testShell, session: { store: kvSessionStore('SESSIONS') } });
  let errors: string[] = [];
  app.cron(SCHEDULE, async (controller) => {
    await d1('DB')
      .prepare('INSERT INTO test_cron_runs (cron, scheduled_at, app) VALUES (?1, ?2, ?3)')
      .bind(controller.cron, controller.scheduledTime, variable('APP_NAME'))
      .run();
    waitUntil(kv('CACHE').put('cron:last-run', String(controller.scheduledTime)));
    errors = await requestOnlyErrors();
  });

  async function trigger(cron: string, scheduledTime: number) {
    const ctx = createExecutionContext();
    await app.scheduled(createScheduledController({ cron, scheduledTime }), workerEnv, ctx);
    await waitOnExecutionContext(ctx);
  }

  it('run for their schedule with the bindings, and write their row', async () => {
    await trigger(SCHEDULE, 1_700_000_000_000);
    const rows = await workerEnv.DB.prepare('SELECT * FROM test_cron_runs WHERE scheduled_at = ?1')
      .bind(1_700_000_000_000)
      .all();
    expect(rows.results).toEqual([{ cron: SCHEDULE, scheduled_at: 1_700_000_000_000, app: 'litflare demo' }]);
    expect(await workerEnv.CACHE.get('cron:last-run')).toBe('1700000000000');
  });

  it('have no request, cookies or session, and say so', async () => {
    await trigger(SCHEDULE, 1_700_000_000_001);
    expect(errors).toHaveLength(4);
    for (const [message, accessor] of errors.map((message, i) => [message, ['request()', 'cookie()', 'setCookie()', 'session()'][i]])) {
      expect(message).toBe(
        `litflare: ${accessor} is not available in a scheduled (cron) handler: there is no HTTP request, so no ` +
          'request, cookies or session. Bindings, env() and waitUntil() work there.',
      );
    }
  });

  it('fail clearly for a schedule nobody handles', async () => {
    await expect(trigger('0 0 1 1 *', 1)).rejects.toThrow(
      'litflare: no cron handler for schedule "0 0 1 1 *" (registered: "*/10 * * * *"). Register one with app.cron("0 0 1 1 *", handler)',
    );
  });
});

describe('queue consumers (through Miniflare’s queue)', () => {
  async function runsOf(job: string, until: (runs: unknown[]) => boolean) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { results } = await workerEnv.DB.prepare('SELECT attempt, outcome FROM test_job_runs WHERE job = ?1 ORDER BY attempt')
        .bind(job)
        .all();
      if (until(results) || Date.now() > deadline) return results;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('process a message a route sent, and retry a failed one until it succeeds', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const suffix = crypto.randomUUID();
    const jobs: Job[] = [
      { id: `once-${suffix}`, succeedOnAttempt: 1 },
      { id: `flaky-${suffix}`, succeedOnAttempt: 2 },
    ];
    for (const job of jobs) {
      const response = await send(jobsApp, '/jobs', { method: 'POST', body: JSON.stringify(job) });
      expect(response.status).toBe(202);
    }
    const done = (runs: unknown[]) => runs.some((run) => (run as { outcome: string }).outcome === 'done');
    expect(await runsOf(`once-${suffix}`, done)).toEqual([{ attempt: 1, outcome: 'done' }]);
    expect(await runsOf(`flaky-${suffix}`, done)).toEqual([
      { attempt: 1, outcome: 'failed' },
      { attempt: 2, outcome: 'done' },
    ]);
    expect(logged).toHaveBeenCalledWith(
      expect.stringMatching(/^litflare: queue "litflare-test-jobs" message \S+ failed on attempt 1; retrying it/),
      expect.objectContaining({ message: `job flaky-${suffix} failed on attempt 1` }),
    );
  });
});

describe('queue consumers (per-message decisions)', () => {
  const app = createApp({ shell: testShell });
  let errors: string[] = [];
  app.consumer<{ action: 'ok' | 'throw' | 'ack-then-throw' | 'retry-later'; n: number }>('decisions', async (message) => {
    // @ts-expect-error The body is typed: it has no `nope`.
    void message.body.nope;
    if (message.body.action === 'throw') throw new Error(`message ${message.body.n} failed`);
    if (message.body.action === 'ack-then-throw') {
      message.ack();
      throw new Error('after ack');
    }
    if (message.body.action === 'retry-later') message.retry({ delaySeconds: 30 });
    errors = await requestOnlyErrors();
  });

  it('ack what succeeded and retry only what failed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const timestamp = new Date();
    const batch = createMessageBatch('decisions', [
      { id: 'm-ok', timestamp, attempts: 1, body: { action: 'ok', n: 1 } },
      { id: 'm-throw', timestamp, attempts: 1, body: { action: 'throw', n: 2 } },
      { id: 'm-acked', timestamp, attempts: 1, body: { action: 'ack-then-throw', n: 3 } },
      { id: 'm-later', timestamp, attempts: 1, body: { action: 'retry-later', n: 4 } },
    ]);
    const ctx = createExecutionContext();
    await app.queue(batch, workerEnv, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.retryBatch.retry).toBe(false);
    expect([...result.explicitAcks].sort()).toEqual(['m-acked', 'm-ok']);
    // m-later asked for its own retry; the consumer neither acked it nor retried it again.
    expect(result.retryMessages.map((message: { msgId: string }) => message.msgId)).toEqual(['m-throw', 'm-later']);
  });

  it('have no request, cookies or session, and say so', async () => {
    const ctx = createExecutionContext();
    const timestamp = new Date();
    await app.queue(createMessageBatch('decisions', [{ id: 'm', timestamp, attempts: 1, body: { action: 'ok', n: 1 } }]), workerEnv, ctx);
    expect(errors[0]).toBe(
      'litflare: request() is not available in a queue consumer: there is no HTTP request, so no request, ' +
        'cookies or session. Bindings, env() and waitUntil() work there.',
    );
    expect(errors).toHaveLength(4);
    expect(errors.every((message) => message.includes('is not available in a queue consumer'))).toBe(true);
  });

  it('fail clearly for a queue nobody consumes', async () => {
    const batch = createMessageBatch('unknown-queue', [{ id: 'x', timestamp: new Date(), attempts: 1, body: {} }]);
    await expect(app.queue(batch, workerEnv, createExecutionContext())).rejects.toThrow(
      'litflare: no consumer for queue "unknown-queue" (registered: "decisions"). Register one with app.consumer("unknown-queue", handler).',
    );
  });

  it('refuse a second consumer for the same queue', () => {
    expect(() => app.consumer('decisions', () => {})).toThrow('litflare: queue "decisions" already has a consumer');
  });
});
