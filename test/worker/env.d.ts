// Bindings the Worker tests add in test/worker/vitest.config.ts, on top of the
// ones `wrangler types` derives from wrangler.toml.
declare namespace Cloudflare {
  interface Env {
    API_TOKEN: string;
    GREETER: Fetcher;
    AI: Ai;
    ROOMS: DurableObjectNamespace<import('./fixtures/room.js').RoomObject>;
    ECHO: DurableObjectNamespace<import('./fixtures/echo-server.js').EchoServer>;
    JOBS: Queue<import('./fixtures/jobs.js').Job>;
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
  }
}

// Re-exports the README examples' Durable Object classes (test/support/readme-examples.ts).
declare module 'virtual:readme-durable-objects' {}
