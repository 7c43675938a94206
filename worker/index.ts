import { createApp } from 'litflare/worker';
import '../components/index.js';
import { homePage } from './pages/home.js';
import { todosPage } from './pages/todos.js';

const app = createApp();

app.page('/', homePage);
app.page('/todos', todosPage);

export default app;
