// Server CPU: user+sys time of the workerd processes under this process, from /proc.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function stat(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { comm: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')), ppid: Number(fields[1]), cpu: Number(fields[11]) + Number(fields[12]), rss: Number(fields[21]) };
}

function isOurs(pid) {
  for (let current = pid; current > 1; ) {
    if (current === process.pid) return true;
    try {
      current = stat(current).ppid;
    } catch {
      return false;
    }
  }
  return false;
}

function workerd() {
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const s = stat(Number(name));
      if (s.comm.startsWith('workerd') && isOurs(s.ppid)) found.push({ ...s, pid: Number(name) });
    } catch {
      // gone
    }
  }
  return found;
}

/** Seconds of CPU (user+sys) the workerd processes have used so far. */
export function workerdCpuSeconds() {
  return workerd().reduce((sum, s) => sum + s.cpu, 0) / TICKS_PER_SECOND;
}

/**
 * Seconds of CPU the workerd processes' threads have used so far: `main`, the
 * threads that run the isolates and the event loop (a process's first thread),
 * and `helpers`, V8's background threads (concurrent GC, compilation).
 */
export function workerdThreadCpuSeconds() {
  let main = 0;
  let helpers = 0;
  for (const process of workerd()) {
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${process.pid}/task`);
    } catch {
      continue; // gone
    }
    for (const tid of tasks) {
      try {
        const { cpu } = stat(`${process.pid}/task/${tid}`);
        if (Number(tid) === process.pid) main += cpu;
        else helpers += cpu;
      } catch {
        // gone
      }
    }
  }
  return { main: main / TICKS_PER_SECOND, helpers: helpers / TICKS_PER_SECOND };
}

/** Resident memory of the workerd processes, in MB. */
export function workerdRssMb() {
  return (workerd().reduce((sum, s) => sum + s.rss, 0) * 4096) / 1024 / 1024;
}
