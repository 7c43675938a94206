import { kv } from '../bindings/accessors.js';
import type { BindingName } from '../bindings/lookup.js';
import type { SessionStore, StoredSession } from './store.js';

/** KV refuses expirations sooner than this many seconds from now. */
const KV_MIN_TTL_SECONDS = 60;

/**
 * Sessions in a KV namespace, one key per session (`<prefix><hash of id>`),
 * expiring on their own through KV's TTL. KV is eventually consistent across
 * locations: a change can take up to a minute to show elsewhere. Prefer
 * {@link d1SessionStore} where that matters.
 *
 * @example
 * ```ts
 * createApp({ session: { store: kvSessionStore('SESSIONS') } });
 * ```
 */
export function kvSessionStore(binding: BindingName<KVNamespace>, options: { prefix?: string } = {}): SessionStore {
  const prefix = options.prefix ?? 'session:';
  const namespace = () => kv(binding) as KVNamespace;
  return {
    async load(key) {
      const stored = await namespace().get<StoredSession>(prefix + key, 'json');
      return isStoredSession(stored) ? stored : undefined;
    },
    async save(key, session) {
      const ttl = Math.max(KV_MIN_TTL_SECONDS, Math.ceil((session.expiresAt - Date.now()) / 1000));
      await namespace().put(prefix + key, JSON.stringify(session), { expirationTtl: ttl });
    },
    async delete(key) {
      await namespace().delete(prefix + key);
    },
  };
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const { data, expiresAt } = value as Partial<StoredSession>;
  return typeof data === 'string' && typeof expiresAt === 'number';
}
