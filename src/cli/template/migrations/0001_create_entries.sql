-- Applied to the local database by `npm run dev` and by the tests; to the real one with
-- `npx wrangler d1 migrations apply DB --remote`.
CREATE TABLE entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  signed_at INTEGER NOT NULL
);
