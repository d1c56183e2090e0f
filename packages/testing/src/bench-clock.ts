/**
 * Runs `work` repeatedly for `seconds` of wall time and returns how many items it handled per
 * second of this process's CPU time. CPU time is the per-core figure: on a shared machine wall
 * time also counts the time spent waiting for a core.
 */
export function measurePerCpuSecond(
  seconds: number,
  work: () => number,
): { items: number; cpuSeconds: number; perSecond: number } {
  const deadline = Date.now() + seconds * 1000;
  const before = process.cpuUsage();
  let items = 0;
  while (Date.now() < deadline) items += work();
  const used = process.cpuUsage(before);
  const cpuSeconds = (used.user + used.system) / 1e6;
  return { items, cpuSeconds, perSecond: Math.round(items / cpuSeconds) };
}
