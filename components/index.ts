// Every element the pages render: imported by the Worker (to render them) and
// by the client entry (to hydrate them). Keep the two lists the same.
import './app-layout.js';
import './chat-room.js';
import './lf-counter.js';
import './live-feed.js';
import './product-card.js';
import './product-list.js';
import './todo-list.js';

export type { Product } from './product-card.js';
export type { Todo } from './todo-types.js';
export type { ChatMessage, ChatProtocol } from './chat-types.js';
