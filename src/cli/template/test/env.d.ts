// Bindings only the tests have (vitest.config.ts), beside those `npm run types` reads from wrangler.toml.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
  }
}
