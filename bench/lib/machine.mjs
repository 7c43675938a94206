// How busy the rest of the machine was: the CPU every process used (/proc/stat)
// minus this benchmark's own (this process, the children it waited for — wrk,
// builds, workerd runs that ended — and the workerd processes still running).
import { readFileSync } from 'node:fs';
import { workerdCpuSeconds } from './cpu.mjs';

const TICKS_PER_SECOND = 100;

function machineBusySeconds() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}

function ownSeconds() {
  const text = readFileSync('/proc/self/stat', 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
  return (utime + stime + cutime + cstime) / TICKS_PER_SECOND + workerdCpuSeconds();
}

/** Starts a stopwatch of the other processes' CPU; `read()` gives the cores they used on average since. */
export function othersLoad() {
  const start = { at: performance.now(), busy: machineBusySeconds(), own: ownSeconds() };
  return {
    read() {
      const seconds = (performance.now() - start.at) / 1000;
      const others = machineBusySeconds() - start.busy - (ownSeconds() - start.own);
      return Math.max(0, others / seconds);
    },
  };
}
