import { env as workerEnv } from 'cloudflare:workers';
import { html } from 'lit';
import {
  ai,
  createApp,
  d1,
  durableObjectStub,
  env,
  kv,
  queue,
  r2,
  request,
  secret,
  service,
  variable,
  waitUntil,
} from 'litflare/worker';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { probeOutputs, renderProbes, unescapeHtml } from './fixtures/render-probe.js';
import { send } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';
import { topLevelError } from './fixtures/top-level.js';

beforeAll(async () => {
  await workerEnv.DB.exec(
    'CREATE TABLE IF NOT EXISTS test_job_runs (job TEXT NOT NULL, attempt INTEGER NOT NULL, outcome TEXT NOT NULL)',
  );
});

/** Uses every accessor once and reports what it saw; `who` keeps concurrent runs apart. */
async function useEveryBinding(who: string) {
  const answer = await d1('DB').prepare('SELECT ?1 AS who, 41 + 1 AS answer').bind(who).first();
  await kv('CACHE').put(`bindings:${who}`, `kv for ${who}`);
  await r2('UPLOADS').put(`bindings/${who}.txt`, `r2 for ${who}`);
  const members = await durableObjectStub('ROOMS', `room-${who}`).join(who);
  const sameRoom = env().ROOMS.idFromName(`room-${who}`).equals(env().ROOMS.idFromName(`room-${who}`));
  await queue('JOBS').send({ id: `bindings-${who}`, succeedOnAttempt: 1 });
  const generated = await ai('AI').run('@cf/meta/llama-3.1-8b-instruct', { prompt: `hi ${who}` });
  const greeting = await (await service('GREETER').fetch(`https://greeter/${who}`)).text();
  waitUntil(kv('CACHE').put(`bindings:later:${who}`, 'written in waitUntil'));
  return {
    d1: answer,
    kv: await kv('CACHE').get(`bindings:${who}`),
    r2: await (await r2('UPLOADS').get(`bindings/${who}.txt`))?.text(),
    durableObject: { members, sameRoom },
    ai: generated,
    service: greeting,
    secret: secret('API_TOKEN'),
    variable: variable('APP_NAME'),
    env: env().APP_NAME,
    request: request().headers.get('x-who'),
  };
}

const expected = (who: string) => ({
  d1: { who, answer: 42 },
  kv: `kv for ${who}`,
  r2: `r2 for ${who}`,
  durableObject: { members: [who], sameRoom: true },
  ai: { response: `stand-in for @cf/meta/llama-3.1-8b-instruct: hi ${who}` },
  service: `hello from greeter: /${who}`,
  secret: 'test-api-token',
  variable: 'litflare demo',
  env: 'litflare demo',
  request: who,
});

renderProbes.set('sync-bindings', () =>
  JSON.stringify({
    d1: d1('DB') === workerEnv.DB,
    kv: kv('SESSIONS') === workerEnv.SESSIONS,
    r2: r2('UPLOADS') === workerEnv.UPLOADS,
    queue: queue('TASKS') === workerEnv.TASKS,
    variable: variable('APP_NAME'),
    request: request().headers.get('x-who'),
  }),
);
renderProbes.set('wrong-kind', () => d1('CACHE' as never));

const app = createApp({ shell: testShell, dev: true });
app.get('/route/:who', async (c) => c.json(await useEveryBinding(c.req.param('who'))));
app.page('/page/:who', async (c) => {
  const seen = await useEveryBinding(c.req.param('who') ?? 'nobody');
  return html`<pre>${JSON.stringify(seen)}</pre><render-probe name="sync-bindings"></render-probe>`;
});
app.page('/page-wrong-kind', () => html`<render-probe name="wrong-kind"></render-probe>`);
app.get('/call/:accessor/:name', (c) => {
  const accessors: Record<string, (name: never) => unknown> = {
    d1, kv, r2, queue, ai, service, secret, variable,
    durableObjectStub: (name: never) => durableObjectStub(name, 'probe'),
  };
  try {
    accessors[c.req.param('accessor')]!(c.req.param('name') as never);
    return c.text('no error');
  } catch (error) {
    return c.text((error as Error).message, 500);
  }
});

describe('binding accessors', () => {
  it('reach D1, KV, R2, a Durable Object, a queue, AI, a service, a secret, a variable, env and the request from a route', async () => {
    const response = await send(app, '/route/ada', { headers: { 'x-who': 'ada' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(expected('ada'));
    // waitUntil() work has finished by the time send() returns.
    expect(await workerEnv.CACHE.get('bindings:later:ada')).toBe('written in waitUntil');
  });

  it('reach the same bindings from a page handler and from a component while it renders', async () => {
    const response = await send(app, '/page/grace', { headers: { 'x-who': 'grace' } });
    expect(response.status).toBe(200);
    const page = await response.text();
    const fromHandler = /<pre><!--lit-part-->([\s\S]*?)<!--\/lit-part--><\/pre>/.exec(page)![1]!;
    expect(JSON.parse(unescapeHtml(fromHandler))).toEqual(expected('grace'));
    expect(JSON.parse(probeOutputs(page)[0]!)).toEqual({
      d1: true,
      kv: true,
      r2: true,
      queue: true,
      variable: 'litflare demo',
      request: 'grace',
    });
  });

  it('only accept names bound to their kind (checked by the type checker and at run time)', async () => {
    const wrongKind = () => {
      // @ts-expect-error CACHE is a KV namespace, so d1() does not accept it.
      d1('CACHE');
    };
    const notASecret = () => {
      // @ts-expect-error APP_NAME is a [vars] entry, not a secret.
      secret('APP_NAME');
    };
    expect([wrongKind, notASecret]).toHaveLength(2);
    const response = await send(app, '/call/d1/CACHE');
    expect(await response.text()).toBe('litflare: d1("CACHE"): "CACHE" is a KV namespace, not a D1 database.');
  });
});

describe('binding errors', () => {
  const missing: [accessor: string, section: string][] = [
    ['d1', '[[d1_databases]]\nbinding = "NOPE"\ndatabase_name = "<database name>"\ndatabase_id = "<database id>"'],
    ['kv', '[[kv_namespaces]]\nbinding = "NOPE"\nid = "<namespace id>"'],
    ['r2', '[[r2_buckets]]\nbinding = "NOPE"\nbucket_name = "<bucket name>"'],
    ['durableObjectStub', '[[durable_objects.bindings]]\nname = "NOPE"\nclass_name = "<class name>"'],
    ['queue', '[[queues.producers]]\nbinding = "NOPE"\nqueue = "<queue name>"'],
    ['ai', '[ai]\nbinding = "NOPE"'],
    ['service', '[[services]]\nbinding = "NOPE"\nservice = "<worker name>"'],
    ['variable', '[vars]\nNOPE = "<value>"'],
    ['secret', '`wrangler secret put NOPE`'],
  ];

  it.each(missing)('%s() of a binding that is not configured names it and the wrangler.toml section to add', async (accessor, section) => {
    const message = await (await send(app, `/call/${accessor}/NOPE`)).text();
    expect(message).toContain(`litflare: ${accessor}("NOPE"): there is no binding named "NOPE".`);
    expect(message).toContain(section);
  });

  it('never finds inherited names such as "constructor"', async () => {
    expect(await (await send(app, '/call/service/constructor')).text()).toContain(
      'there is no binding named "constructor"',
    );
  });

  const wrongKinds: [accessor: string, name: string, is: string, wanted: string][] = [
    ['kv', 'DB', 'a D1 database', 'a KV namespace'],
    ['r2', 'SESSIONS', 'a KV namespace', 'an R2 bucket'],
    ['queue', 'UPLOADS', 'an R2 bucket', 'a Queue producer'],
    ['durableObjectStub', 'GREETER', 'a service binding (or another RPC stub)', 'a Durable Object namespace'],
    ['ai', 'TASKS', 'a Queue producer', 'a Workers AI binding'],
    ['service', 'ROOMS', 'a Durable Object namespace', 'a service binding'],
    ['variable', 'CACHE', 'a KV namespace', 'a variable'],
    ['d1', 'API_TOKEN', 'a text variable or secret', 'a D1 database'],
  ];

  it.each(wrongKinds)('%s("%s") says what the binding is instead', async (accessor, name, is, wanted) => {
    const message = await (await send(app, `/call/${accessor}/${name}`)).text();
    expect(message).toBe(`litflare: ${accessor}("${name}"): "${name}" is ${is}, not ${wanted}.`);
    expect(message).not.toContain('test-api-token');
  });

  it('reach the error page when a component uses a binding of the wrong kind before the first byte', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await send(app, '/page-wrong-kind');
    expect(response.status).toBe(500);
    expect(unescapeHtml(await response.text())).toContain(
      'Error: litflare: d1("CACHE"): "CACHE" is a KV namespace, not a D1 database.',
    );
    vi.restoreAllMocks();
  });
});

describe('accessors outside a request', () => {
  const outside = /^litflare: env\(\) was called outside a request\. It reads the current request, cron run or queue batch/;

  it('fail at module top level, saying so', () => {
    expect((topLevelError as Error).message).toMatch(outside);
  });

  it('fail in a test, a timer or a promise that no request started', async () => {
    expect(() => env()).toThrow(outside);
    const fromTimer = await new Promise<unknown>((resolve) =>
      setTimeout(() => {
        try {
          resolve(kv('CACHE'));
        } catch (error) {
          resolve(error);
        }
      }, 1),
    );
    expect((fromTimer as Error).message).toMatch(/^litflare: kv\(\) was called outside a request\./);
  });

  it('explain a request dispatched without bindings or an ExecutionContext', async () => {
    const bare = createApp({ shell: testShell });
    bare.get('/env', (c) => c.text(String(env().APP_NAME)));
    bare.get('/wait', (c) => {
      waitUntil(Promise.resolve());
      return c.text('ok');
    });
    bare.onError((error, c) => c.text(error.message, 500));
    expect(await (await bare.request('/env')).text()).toMatch(/^litflare: env\(\) found no bindings/);
    expect(await (await bare.request('/wait', {}, workerEnv)).text()).toMatch(
      /^litflare: waitUntil\(\) needs the Worker’s ExecutionContext/,
    );
  });
});
