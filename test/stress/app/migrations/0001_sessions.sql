-- Sessions for litflare's d1SessionStore('DB'): the SQL sessionTableSql() returns.
CREATE TABLE IF NOT EXISTS litflare_sessions (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS litflare_sessions_expires_at ON litflare_sessions (expires_at);
