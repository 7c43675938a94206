import { createApp, d1SessionStore } from 'litflare/worker';
import '../components/index.js';
import { recordCronRun } from './cron.js';
import { downloadFile } from './files.js';
import { processJob } from './jobs.js';
import { homePage } from './pages/home.js';
import { layout } from './pages/layout.js';
import { platformPage } from './pages/platform.js';
import { streamingPage } from './pages/streaming.js';
import { todosPage } from './pages/todos.js';
import type { JobMessage } from './platform.server.js';

const app = createApp({
  session: { store: d1SessionStore('DB') },
  layout,
});

app.page('/', homePage);
app.page('/todos', todosPage);
app.page('/streaming', streamingPage);
app.page('/platform', platformPage);
app.get('/files/:key', downloadFile);

app.cron('*/10 * * * *', recordCronRun);
app.consumer<JobMessage>('litflare-tasks', processJob);

export default app;
