import 'litflare/client';
import '../secret-card.js';
