export { createApp, LitflareApp } from './app/create-app.js';
export type { AppOptions } from './app/app-options.js';
export type { BeforeHook, AfterHook } from './app/before-after-hooks.js';
export type { Layout, PageHandler, PageOutput } from './app/page-route.js';
export { redirect, type RedirectStatus } from './errors/redirect.js';
export { defaultErrorPage, defaultNotFoundPage } from './errors/error-pages.js';
export type { Page } from './page/render-page.js';
export type { ChunkOptions } from './page/page-stream.js';
export type { AppEnv } from './env.js';
export { serverFn, type ServerFnOptions } from './rpc/server-fn.js';
export type { RpcOptions } from './rpc/handler.js';
export type { AllowedOrigins } from './security/origin.js';
export { env, request, waitUntil, cspNonce } from './context/accessors.js';
export { strictCsp, type ContentSecurityPolicy, type SecureHeadersOptions } from './security/security-headers.js';
export {
  d1,
  kv,
  r2,
  durableObject,
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
export {
  cookie,
  cookies,
  signedCookie,
  setCookie,
  setSignedCookie,
  clearCookie,
  type CookieOptions,
  type CookiePrefixOptions,
  type CookieReadOptions,
} from './cookies/cookies.js';
export { session, Session } from './session/session.js';
export type { SessionOptions } from './session/options.js';
export type { SessionStore, StoredSession } from './session/store.js';
export { kvSessionStore } from './session/kv-store.js';
export { d1SessionStore, type D1SessionStore } from './session/d1-store.js';
export { sessionTableSql } from './session/d1-schema.js';
export type { CronHandler } from './events/cron.js';
export type { QueueHandler } from './events/queue.js';
export type { WebSocketRouteOptions } from './websocket/route.js';
