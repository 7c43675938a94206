// Cold start (c): a Worker that only imports litflare/worker, to isolate the
// cost of evaluating its modules (and what they import: Lit, the DOM shim,
// Hono, devalue…) from the demo's own code. The exports are read so that
// nothing is tree-shaken away.
import { DurableObject } from 'cloudflare:workers';
import * as litflare from 'litflare/worker';

const exported = Object.keys(litflare).length;

export default { fetch: () => new Response(`${exported} exports`) } satisfies ExportedHandler;
export class ChatRoom extends DurableObject {}
