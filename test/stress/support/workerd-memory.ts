import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory (VmRSS, in bytes) of every workerd process descended from `root`, summed; and how many there are. */
export function workerdMemory(root: number): { bytes: number; processes: number } {
  let bytes = 0;
  let processes = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      if (!/^Name:\s+workerd/m.test(status) || !descendsFrom(pid, root)) continue;
      bytes += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
      processes++;
    } catch {
      // the process went away
    }
  }
  return { bytes, processes };
}

function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

function descendsFrom(pid: number, root: number): boolean {
  for (let current = pid; current > 1; current = parentOf(current)) if (current === root) return true;
  return false;
}
