import { createApp, d1SessionStore } from 'litflare/worker';
// Every element, islands included: the Worker renders them all.
import '../components/server.js';
import { islands } from '../components/islands.js';
import { recordCronRun } from './cron.js';
import { downloadFile } from './files.js';
import { processJob } from './jobs.js';
import { ROOM_NAME, type ChatProtocol } from '../components/chat-types.js';
import { CRON_SCHEDULE } from '../components/platform-types.js';
import { chatPage } from './pages/chat.js';
import { homePage } from './pages/home.js';
import { layout, publicLayout } from './pages/layout.js';
import { platformPage } from './pages/platform.js';
import { streamingPage } from './pages/streaming.js';
import { todosPage } from './pages/todos.js';
import type { JobMessage } from './platform.server.js';
import { signedInUser } from './user.js';

/** Requests this isolate has answered: the build test shows a prerendered page never runs the Worker. */
let invocations = 0;

const app = createApp({
  session: { store: d1SessionStore('DB') },
  before: () => {
    invocations++;
  },
  layout,
  islands,
  // Links are prefetched as the pointer rests on them, and pages cross-fade: no client router.
  navigation: { prefetch: 'moderate', viewTransitions: true },
});

// Rendered once, by `vite build`, into the client files: Cloudflare serves it without the Worker.
app.page('/', homePage, { layout: publicLayout, prerender: true });
app.page('/todos', todosPage);
// The same for everyone: rendered once, served from the edge cache for 10 s, then stale for a
// minute while a fresh copy renders in the background. Its frame asks who is signed in from the browser.
app.page('/streaming', streamingPage, { layout: publicLayout, cache: { maxAge: 10, staleWhileRevalidate: 60, tags: ['forecast'] } });
app.page('/platform', platformPage);
app.page('/chat/:room', chatPage);
app.get('/files/:key', downloadFile);
app.get('/demo/invocations', (c) => c.json(invocations));
// The room learns who is signed in from the session, never from the client.
app.websocket<ChatProtocol>('/ws/:room', 'CHAT', { names: ROOM_NAME, props: async () => ({ user: await signedInUser() }) });

app.cron(CRON_SCHEDULE, recordCronRun);
app.consumer<JobMessage>('litflare-tasks', processJob);

export default app;
// Durable Object classes bound in wrangler.toml must be exported by the entry.
export { ChatRoom } from './chat-room.js';
