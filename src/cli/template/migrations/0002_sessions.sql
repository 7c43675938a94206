-- The session table of d1SessionStore('DB') (what sessionTableSql() of litflare/worker returns).
-- Applied like every migration here: locally by `npm run dev` and the tests, to the real
-- database with `npx wrangler d1 migrations apply DB --remote`.
CREATE TABLE IF NOT EXISTS litflare_sessions (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS litflare_sessions_expires_at ON litflare_sessions (expires_at);
