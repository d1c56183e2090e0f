import type { SeededRandom } from './seeded-random';

export interface Process {
  guid: string;
  pid: number;
  image: string;
  user: string;
}

export interface Host {
  name: string;
  ip: string;
  guidPrefix: string;
  sysmonPid: number;
  nextRecordId: number;
  services: Process;
  wmi: Process;
  /** Processes that WmiPrvSE opens, each always with the same mask and call trace, so matches form groups. */
  targets: { process: Process; mask: string; callTrace: string }[];
}

export const SYSTEM = 'NT AUTHORITY\\SYSTEM';
export const ANALYST = 'CORP\\analyst';
const WMI_IMAGES = ['C:\\Windows\\system32\\wbem\\wmiprvse.exe', 'C:\\Windows\\system32\\wbem\\WmiPrvSE.exe'];
const TRACE_MODULES = ['C:\\Windows\\SYSTEM32\\ntdll.dll', 'C:\\Windows\\System32\\KERNELBASE.dll'];
const MATCH_TARGETS = [
  ['C:\\Windows\\System32\\cmd.exe', '0x1478'],
  ['C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', '0x1fffff'],
  ['C:\\Windows\\System32\\svchost.exe', '0x1478'],
] as const;

/** Builds one host. A quarter of the hosts are servers and the rest workstations. */
export function createHost(random: SeededRandom, index: number): Host {
  const role = index % 4 === 0 ? 'SRV' : 'WS';
  const name = `${role}-${String(index).padStart(3, '0')}.corp.example.net`;
  const guidPrefix = random.hex(8);
  const wmi = newProcess(random, guidPrefix, random.pick(WMI_IMAGES), 'NT AUTHORITY\\NETWORK SERVICE');
  return {
    name,
    ip: `10.20.${index >> 4}.${(index % 16) + 10}`,
    guidPrefix,
    sysmonPid: random.integer(500, 2500) * 4,
    nextRecordId: random.integer(10_000, 900_000),
    services: newProcess(random, guidPrefix, 'C:\\Windows\\System32\\services.exe', SYSTEM),
    wmi,
    targets: MATCH_TARGETS.map(([image, mask]) => ({
      process: newProcess(random, guidPrefix, image, ANALYST),
      mask,
      callTrace: callTrace(random, wmi.image),
    })),
  };
}

/** Builds a process whose GUID starts with the host's prefix, as Sysmon's process GUIDs do. */
export function newProcess(random: SeededRandom, guidPrefix: string, image: string, user: string): Process {
  const guid = `{${guidPrefix}-${random.hex(4)}-${random.hex(4)}-${random.hex(4)}-${random.hex(12)}}`;
  return { guid, pid: random.integer(100, 9999) * 4, image, user };
}

/** Builds a CallTrace value: module+offset frames joined by `|`, ending in the calling image. */
export function callTrace(random: SeededRandom, image: string): string {
  return [...TRACE_MODULES, image].map((module) => `${module}+${random.hex(5)}`).join('|');
}
