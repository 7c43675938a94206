import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

// The app's D1 migrations (migrations/), as `wrangler d1 migrations apply` would.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
