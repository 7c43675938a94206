// `litflare migration sessions`: the D1 session table's migration, written where
// the app's wrangler.toml says its migrations are.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sessionMigration } from '../../src/cli/migration/session-migration.js';
import { sessionTableSql } from '../../src/worker/session/d1-schema.js';
import { cliFolders, runCli } from '../support/cli.js';

afterAll(() => cliFolders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const template = readFileSync(new URL('../../src/cli/template/migrations/0002_sessions.sql', import.meta.url), 'utf8');
const withoutComments = (sql: string) => sql.split('\n').filter((line) => !line.startsWith('--')).join('\n');

/** A folder with a wrangler.toml (and any other files). */
function app(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'litflare-migration-'));
  cliFolders.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const d1 = (binding: string, dir?: string) =>
  `[[d1_databases]]\nbinding = "${binding}"\ndatabase_name = "${binding.toLowerCase()}"\ndatabase_id = "00000000-0000-0000-0000-000000000000"\n${dir === undefined ? '' : `migrations_dir = "${dir}"\n`}`;
const toml = (...databases: string[]) => `name = "app"\nmain = "worker/index.ts"\ncompatibility_date = "2026-04-26"\n\n${databases.join('\n')}`;

describe('the session table migration', () => {
  it("is the SQL d1SessionStore's sessionTableSql() returns, in the scaffold and from the command", () => {
    expect(withoutComments(template)).toBe(sessionTableSql());
    expect(withoutComments(sessionMigration('DB'))).toBe(sessionTableSql());
    expect(withoutComments(sessionMigration('USERS', 'app_sessions'))).toBe(sessionTableSql('app_sessions'));
    expect(sessionMigration('USERS', 'app_sessions')).toContain("d1SessionStore('USERS', { table: 'app_sessions' })");
  });
});

describe('litflare migration sessions', () => {
  it("writes the next migration into the D1 database's migrations_dir, and says how it is applied", async () => {
    const cwd = app({ 'wrangler.toml': toml(d1('DB', 'db/migrations')), 'db/migrations/0001_create_entries.sql': 'CREATE TABLE entries (id INTEGER);\n' });
    const { code, stdout } = await runCli(['migration', 'sessions'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain('wrote db/migrations/0002_sessions.sql: the session table litflare_sessions of D1 database DB');
    expect(stdout).toContain("createApp({ session: { store: d1SessionStore('DB') } })");
    expect(stdout).toContain('npx wrangler d1 migrations apply DB --remote');
    expect(readFileSync(join(cwd, 'db/migrations/0002_sessions.sql'), 'utf8')).toBe(sessionMigration('DB'));

    const again = await runCli(['migration', 'sessions'], { cwd });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('db/migrations/0002_sessions.sql already creates litflare_sessions: nothing to write.');
    expect(readdirSync(join(cwd, 'db/migrations'))).toEqual(['0001_create_entries.sql', '0002_sessions.sql']);
  });

  it("uses Wrangler's default folder, migrations/, and creates it", async () => {
    const cwd = app({ 'wrangler.toml': toml(d1('DB')) });
    expect((await runCli(['migration', 'sessions', '--table', 'app_sessions'], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'migrations/0001_sessions.sql'), 'utf8')).toContain('CREATE TABLE IF NOT EXISTS app_sessions (');
  });

  it('asks which database when there are several, and takes --binding', async () => {
    const cwd = app({ 'wrangler.toml': toml(d1('DB', 'migrations'), d1('USERS', 'users')) });
    const ambiguous = await runCli(['migration', 'sessions'], { cwd });
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('wrangler.toml has 2 D1 databases: DB, USERS.');
    expect(ambiguous.stderr).toContain('Say which one keeps the sessions: --binding DB.');
    expect((await runCli(['migration', 'sessions', '--binding', 'USERS'], { cwd })).code).toBe(0);
    expect(readdirSync(join(cwd, 'users'))).toEqual(['0001_sessions.sql']);
    const unknown = await runCli(['migration', 'sessions', '--binding', 'NOPE'], { cwd });
    expect(unknown.stderr).toContain('wrangler.toml has no D1 database bound as NOPE (it has: DB, USERS).');
  });

  it('says what is missing: a wrangler.toml, a D1 database, a valid table name, the subject', async () => {
    const none = await runCli(['migration', 'sessions']);
    expect(none.stderr).toContain('wrangler.toml not found');
    expect(none.stderr).toContain("Run it in your app's folder, or pass --config path/to/wrangler.toml.");
    const noD1 = await runCli(['migration', 'sessions'], { cwd: app({ 'wrangler.toml': toml() }) });
    expect(noD1.stderr).toContain('wrangler.toml has no D1 database.');
    expect(noD1.stderr).toContain('[[d1_databases]] binding = "DB"');
    const badTable = await runCli(['migration', 'sessions', '--table', 'x; DROP TABLE entries'], { cwd: app({ 'wrangler.toml': toml(d1('DB')) }) });
    expect(badTable.stderr).toContain('is not a table name d1SessionStore accepts');
    const what = await runCli(['migration', 'users']);
    expect(what.stderr).toContain('litflare migration writes one migration: sessions (got "users").');
    for (const result of [none, noD1, badTable, what]) expect(result.code).toBe(1);
  });
});
