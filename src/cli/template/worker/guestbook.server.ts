import { ServerError } from 'litflare';
import { d1, session } from 'litflare/worker';

/** One signature. */
export interface Entry {
  id: number;
  name: string;
  signedAt: Date;
}

interface Row {
  id: number;
  name: string;
  signed_at: number;
}

const toEntry = (row: Row): Entry => ({ id: row.id, name: row.name, signedAt: new Date(row.signed_at) });

// Every exported async function here is a server function: it runs in the
// Worker, and the browser gets a typed proxy that calls it over HTTP.

/** The ten latest signatures, newest first. */
export async function listEntries(): Promise<Entry[]> {
  const { results } = await d1('DB').prepare('SELECT id, name, signed_at FROM entries ORDER BY id DESC LIMIT 10').all<Row>();
  return results.map(toEntry);
}

/** Signs the guestbook, and remembers the name in this browser's session. */
export async function sign(name: string): Promise<Entry> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 40) throw new ServerError(400, 'A name is 1 to 40 characters.');
  const row = await d1('DB')
    .prepare('INSERT INTO entries (name, signed_at) VALUES (?, ?) RETURNING id, name, signed_at')
    .bind(trimmed, Date.now())
    .first<Row>();
  if (row === null) throw new ServerError(500, 'The signature was not saved.');
  (await session<{ name: string }>()).set('name', row.name);
  return toEntry(row);
}
