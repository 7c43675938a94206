import { createApp } from 'litflare/worker';
import '../components/index.js';
import { ROOM_NAME } from '../components/chat-types.js';
import { homePage } from './pages/home.js';
import { todosPage } from './pages/todos.js';
import { chatPage } from './pages/chat.js';

const app = createApp();

app.page('/', homePage);
app.page('/todos', todosPage);
app.page('/chat/:room', chatPage);
app.websocket('/ws/:room', 'CHAT', { names: ROOM_NAME });

export default app;
// Durable Object classes bound in wrangler.toml must be exported by the entry.
export { ChatRoom } from './chat-room.js';
