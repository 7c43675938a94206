// npm run test:stress, in order: isolation under load, the large fuzz over HTTP, then the soak.
import './phases/concurrency.js';
import './phases/fuzz.js';
import './phases/soak.js';
