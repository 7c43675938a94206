// Every element, for the Worker: it renders islands too (their code just
// reaches the browser later, or never).
import './index.js';
import './chat-room.js';
import './cron-runs.js';
import './edge-info.js';
import './file-shelf.js';
import './job-queue.js';
import './kv-counter.js';
import './live-feed.js';
import './review-list.js';
import './site-footer.js';
import './site-tour.js';
import './todo-list.js';
import './weather-card.js';
