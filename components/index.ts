// Every element the pages render: imported by the Worker (to render them) and
// by the client entry (to hydrate them). Keep the two lists the same.
import './app-layout.js';
import './edge-info.js';
import './file-shelf.js';
import './job-queue.js';
import './kv-counter.js';
import './chat-room.js';
import './lf-counter.js';
import './live-feed.js';
import './product-card.js';
import './product-list.js';
import './todo-list.js';
import './user-session.js';
import './weather-card.js';

export type { Product } from './product-card.js';
export type { Todo } from './todo-types.js';
export type { CronRun, Job, StoredFile } from './platform-types.js';
export type { ChatMessage, ChatProtocol } from './chat-types.js';
