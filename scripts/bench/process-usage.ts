// Reads CPU time and memory of processes from Linux's /proc, as proc_pid_stat(5) and proc_pid_status(5) describe.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessUsage {
  /** User plus system CPU seconds since the process started. */
  cpuSeconds: number;
  /** VmHWM: the peak resident set size since the process started, in bytes. */
  peakRssBytes: number;
}

const clockTicksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** Reads the usage of `pid`, or returns undefined when the process is gone or /proc is missing. */
export function readProcessUsage(pid: number): ProcessUsage | undefined {
  try {
    const fields = statFields(pid);
    // utime and stime are fields 14 and 15 of the stat line, in clock ticks.
    const cpuTicks = Number(fields[13]) + Number(fields[14]);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const peakKiB = Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? NaN);
    return { cpuSeconds: cpuTicks / clockTicksPerSecond, peakRssBytes: peakKiB * 1024 };
  } catch {
    return undefined;
  }
}

/**
 * Finds the child of this process whose command line contains `marker`. ServiceProcess keeps its
 * child private, so the pid comes from the parent-pid field of /proc/<pid>/stat.
 */
export function findChildProcess(marker: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      if (Number(statFields(pid)[3]) !== process.pid) continue;
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (commandLine.includes(marker)) return pid;
    } catch {
      // The process exited between readdir and read.
    }
  }
  return undefined;
}

/** Reads the pid that a pid file names, or undefined when the file is missing. */
export function readPidFile(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns the stat fields with field 1 (pid) at index 0. The command name in brackets may contain
 * spaces, so the fields after it are split from the last `)`.
 */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [String(pid), '(name)', ...afterName];
}
