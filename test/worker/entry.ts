import demo from '../../worker/index.js';
import { jobsApp, TEST_QUEUE } from './fixtures/jobs.js';

/**
 * The Worker the tests run in: the demo app, except that batches for the
 * tests' own queue go to the fixture app that consumes them.
 */
export default {
  fetch: demo.fetch,
  scheduled: demo.scheduled,
  queue: (batch, env, ctx) => (batch.queue === TEST_QUEUE ? jobsApp.queue(batch, env, ctx) : demo.queue(batch, env, ctx)),
} satisfies ExportedHandler<Cloudflare.Env>;

// The demo's Durable Object classes (wrangler.toml binds them to this Worker),
// and the tests' own (vitest.config.ts binds it).
export { ChatRoom } from '../../worker/index.js';
export { EchoServer } from './fixtures/echo-server.js';
// The README's runnable examples' Durable Object classes (test/support/readme-examples.ts).
export * from 'virtual:readme-durable-objects';
