import { createApp } from 'litflare/worker';
import '../components/index.js';
import { homePage } from './pages/home.js';

const app = createApp();

app.page('/', homePage);

export default app;
