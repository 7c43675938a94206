// Cold start (b): a bare Hono Worker with the demo's bindings (its Durable Object class, stubbed).
import { DurableObject } from 'cloudflare:workers';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.text('ok'));

export default { fetch: app.fetch, queue: async () => {}, scheduled: async () => {} } satisfies ExportedHandler;
export class ChatRoom extends DurableObject {}
