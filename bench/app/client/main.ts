import 'litflare/client';
