// litflare/client first: it installs Lit's hydrate support before any element is defined.
import 'litflare/client';
import '../components/guest-book.js';
