import { serveBuild } from './bench/lib/serve.mjs';
import { contest } from './bench/lib/contest.mjs';
const { mf, url } = await serveBuild('/work/main/bench/app/dist/litflare_bench');
const paths = process.argv.slice(2);
const rows = await contest(paths.map((p) => ({ name: p, url: url + p })), { seconds: Number(process.env.S ?? 3), rounds: Number(process.env.R ?? 2) });
for (const r of rows) console.log(r.name.padEnd(28), 'cpu µs', r.cpuUs.toFixed(0).padStart(6), 'rps', r.rps.toFixed(0));
await mf.dispose();
