// The elements every page may use, loaded with the page: imported by the Worker
// (to render them) and by the client entry (to hydrate them). Page-specific
// elements are islands (see islands.ts and components/islands/).
import './app-layout.js';
import './lf-counter.js';
import './product-card.js';
import './product-list.js';
import './user-session.js';

export type { Product } from './product-card.js';
export type { Todo } from './todo-types.js';
export type { CronRun, Job, StoredFile } from './platform-types.js';
export type { ChatMessage, ChatProtocol } from './chat-types.js';
