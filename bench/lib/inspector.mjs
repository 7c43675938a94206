// A minimal Chrome DevTools Protocol client over the V8 inspector workerd
// serves when Miniflare is given `inspectorPort` (one WebSocket per Worker).
import { once } from 'node:events';
import WebSocket from 'ws';

/** Connects to the inspector of the Worker named `worker` ('core:user:<name>' for a user Worker). */
export async function inspect(mf, worker) {
  const base = await mf.getInspectorURL();
  const targets = await (await fetch(`http://${base.host}/json`)).json();
  const target = targets.find((t) => t.id === worker);
  if (target === undefined) throw new Error(`no inspector target ${worker} among ${targets.map((t) => t.id).join(', ')}`);
  const ws = new WebSocket(target.webSocketDebuggerUrl, { maxPayload: 1024 ** 3 });
  await once(ws, 'open');
  let next = 0;
  const pending = new Map();
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString());
    const call = pending.get(message.id);
    if (call === undefined) return;
    pending.delete(message.id);
    if (message.error) call.reject(new Error(`${call.method}: ${message.error.message}`));
    else call.resolve(message.result);
  });
  return {
    /** Sends a protocol command; resolves with its result. */
    send(method, params = {}) {
      const id = ++next;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, method });
        ws.send(JSON.stringify({ id, method, params }));
      });
    },
    close: () => ws.close(),
  };
}
