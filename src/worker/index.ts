export { createApp, LitflareApp, type AppOptions } from './app/create-app.js';
export type { PageHandler, PageOutput } from './app/page-route.js';
export { defaultErrorPage, defaultNotFoundPage } from './app/error-pages.js';
export type { Page } from './ssr/page.js';
export type { ChunkOptions } from './ssr/render-stream.js';
export type { AppEnv } from './env.js';
export { serverFn, type ServerFnOptions } from './rpc/server-fn.js';
export type { RpcOptions } from './rpc/handler.js';
export type { AllowedOrigins } from './rpc/origin.js';
