// `litflare/worker`: what a Worker's code writes, in the order the README's
// API reference lists it.

// The app and its pages.
export { createApp } from './app/create-app.js';
export type { LitflareApp } from './app/litflare-app.js';
export type { AppOptions } from './app/app-options.js';
export type { AppEnv } from './env.js';
export type { Page } from './page/render-page.js';
export type { Layout, PageHandler } from './app/page-route.js';
export type { BeforeHook, AfterHook } from './app/before-after-hooks.js';
export type { ChunkOptions } from './page/page-stream.js';
export { defaultBots, type Streaming } from './page/in-order.js';
export type { NavigationOptions } from './navigation/navigation-options.js';
export { redirect, type RedirectStatus } from './errors/redirect.js';
export { defaultErrorPage, defaultNotFoundPage } from './errors/error-pages.js';
export type { CronHandler } from './events/cron.js';
export type { QueueHandler } from './events/queue.js';
export type { WebSocketRouteOptions } from './websocket/route.js';

// Server functions.
export { serverFn, type ServerFnOptions } from './rpc/server-fn.js';
export type { RpcOptions } from './rpc/handler.js';
export type { AllowedOrigins } from './security/origin.js';

// The request and its bindings.
export { env, request, waitUntil, cspNonce } from './context/accessors.js';
export {
  d1,
  kv,
  r2,
  durableObjectStub,
  queue,
  ai,
  service,
  secret,
  variable,
  type DurableObjectBindingName,
  type SecretName,
  type VariableName,
} from './bindings/accessors.js';
export type { BindingName } from './bindings/lookup.js';

// Cookies and sessions.
export { cookie, cookies, signedCookie, setCookie, setSignedCookie, clearCookie, type CookieOptions } from './cookies/cookies.js';
export { session, type Session } from './session/session.js';
export type { SessionOptions } from './session/options.js';
export type { SessionStore, StoredSession } from './session/store.js';
export { kvSessionStore } from './session/kv-store.js';
export { d1SessionStore } from './session/d1-store.js';
export { sessionTableSql } from './session/d1-schema.js';

// Caching.
export type { CacheOptions } from './cache/cache-options.js';
export { purge, type PurgeOptions } from './cache/purge.js';
export type { Prerender } from './prerender/prerender-routes.js';

// Security headers.
export { strictCsp, type ContentSecurityPolicy, type SecureHeadersOptions } from './security/security-headers.js';
