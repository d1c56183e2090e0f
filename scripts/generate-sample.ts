// Writes samples/sysmon-sample.xml: synthetic Windows event XML, one event per line, built from the
// templates below with a seeded PRNG, so every run writes the same bytes. Run: npx tsx scripts/generate-sample.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export const SAMPLE_SEED = 0x5eed2026;
export const SAMPLE_FILE = path.resolve(__dirname, '../samples/sysmon-sample.xml');

// Three hours across the :50 boundaries of 08:50, 09:50 and 10:50 UTC, so four windows get events.
const START_MS = Date.UTC(2026, 10, 17, 8, 20, 0);
const SPAN_MS = 3 * 3600 * 1000;
const BACKGROUND_ACTIVITIES = 56;
const WMI_NEAR_MISSES_0X1400 = 12;
// Collectors deliver events up to this late, so the file order steps back by less than this.
const MAX_DELIVERY_DELAY_MICROS = 2_500_000;

const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';
const SYSMON_PROVIDER = `Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'`;
const SECURITY_PROVIDER = `Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'`;
const SETUP_PROVIDER = `Name='Microsoft-Windows-Servicing' Guid='{bd12f3b8-fc40-4a61-a307-b7a013a069c1}'`;
const SYSMON_VERSIONS: Record<number, number> = { 1: 5, 3: 5, 7: 3, 10: 3 };

const CMD_IMAGE = 'C:\\Windows\\System32\\cmd.exe';
const POWERSHELL_IMAGE = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';
const WMI_LOWER = 'C:\\Windows\\system32\\wbem\\wmiprvse.exe';
const WMI_MIXED = 'C:\\Windows\\system32\\wbem\\WmiPrvSE.exe';
const SYSTEM_USER = 'NT AUTHORITY\\SYSTEM';
const NETWORK_SERVICE = 'NT AUTHORITY\\NETWORK SERVICE';

interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  hex(digits: number): string;
}

/** xorshift32: small, fast and identical on every platform, which is all a sample needs. */
function createRandom(seed: number): Random {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    state = (state ^ (state << 13)) >>> 0;
    state = (state ^ (state >>> 17)) >>> 0;
    state = (state ^ (state << 5)) >>> 0;
    return state / 2 ** 32;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  const hex = (digits: number): string => Array.from({ length: digits }, () => int(0, 15).toString(16)).join('');
  return { next, int, pick, hex };
}

interface Host {
  name: string;
  ip: string;
  guidPrefix: string;
  sysmonPid: number;
}

interface Process {
  host: Host;
  guid: string;
  pid: number;
  image: string;
  user: string;
}

type Kind = 'sysmon' | 'security' | 'setup';

interface EventSpec {
  host: Host;
  kind: Kind;
  eventId: number;
  timeMicros: number;
  /** The 100 ns digit that Windows writes as the seventh fraction digit. */
  tick: number;
  threadId: number;
  data: [string, string][];
  /** Drop the first `</Data>`, leaving an unclosed tag that no XML parser accepts. */
  malformed?: boolean;
  /** Write the line twice, as a collector that delivers a record again does. */
  redelivered?: boolean;
}

function newProcess(random: Random, host: Host, image: string, user = SYSTEM_USER): Process {
  const guid = `{${host.guidPrefix}-${random.hex(4)}-${random.hex(4)}-${random.hex(4)}-0000000${random.hex(3)}00}`;
  return { host, guid, pid: random.int(400, 9999) * 4, image, user };
}

function callTrace(random: Random, modules: readonly string[]): string {
  return modules.map((module) => `${module}+${random.hex(5).replace(/^0/, '1')}`).join('|');
}

const TRACE_BASE = ['C:\\Windows\\SYSTEM32\\ntdll.dll', 'C:\\Windows\\System32\\KERNELBASE.dll'];
const WMI_TRACE = [
  ...TRACE_BASE,
  'C:\\Windows\\system32\\wbem\\cimwin32.dll',
  'C:\\Windows\\SYSTEM32\\framedynos.dll',
  'C:\\Windows\\system32\\wbem\\wmiprvse.exe',
  'C:\\Windows\\System32\\RPCRT4.dll',
];

function utcTime(timeMicros: number): string {
  const iso = new Date(Math.floor(timeMicros / 1000)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

function spec(host: Host, kind: Kind, eventId: number, timeMicros: number, random: Random): EventSpec {
  return { host, kind, eventId, timeMicros, tick: random.int(0, 9), threadId: random.int(300, 9000) * 4, data: [] };
}

/** Builds a Sysmon EventID 10 in which `source` opens `target` with `mask`. */
function processAccess(
  random: Random,
  timeMicros: number,
  source: Process,
  target: Process,
  mask: string,
  trace: string,
) {
  const event = spec(source.host, 'sysmon', 10, timeMicros, random);
  event.data = [
    ['RuleName', '-'],
    ['UtcTime', utcTime(timeMicros - random.int(0, 2000))],
    ['SourceProcessGUID', source.guid],
    ['SourceProcessId', String(source.pid)],
    ['SourceThreadId', String(random.int(300, 9000) * 4)],
    ['SourceImage', source.image],
    ['TargetProcessGUID', target.guid],
    ['TargetProcessId', String(target.pid)],
    ['TargetImage', target.image],
    ['GrantedAccess', mask],
    ['CallTrace', trace],
    ['SourceUser', source.user],
    ['TargetUser', target.user],
  ];
  return event;
}

interface Program {
  image: string;
  commandLine: string;
  description: string;
}

const PROGRAMS: readonly Program[] = [
  {
    image: CMD_IMAGE,
    commandLine: 'cmd.exe /c "echo build > C:\\Temp\\out.txt & exit"',
    description: 'Windows Command Processor',
  },
  {
    image: POWERSHELL_IMAGE,
    commandLine: 'powershell.exe -NoProfile -File C:\\Scripts\\inventory.ps1',
    description: 'Windows PowerShell',
  },
  {
    image: 'C:\\Windows\\System32\\notepad.exe',
    commandLine: '"C:\\Windows\\System32\\notepad.exe" C:\\Users\\Public\\notes.txt',
    description: 'Notepad',
  },
  {
    image: 'C:\\Windows\\System32\\ipconfig.exe',
    commandLine: 'ipconfig.exe /all',
    description: 'IP Configuration Utility',
  },
  {
    image: 'C:\\Windows\\System32\\tasklist.exe',
    commandLine: 'tasklist.exe /v /fo csv',
    description: 'Lists the current running tasks.',
  },
  {
    image: 'C:\\Program Files\\Git\\cmd\\git.exe',
    commandLine: 'git.exe fetch --prune origin',
    description: 'Git for Windows',
  },
  {
    image: 'C:\\Windows\\System32\\whoami.exe',
    commandLine: 'whoami.exe /groups',
    description: 'whoami - displays logged on user information',
  },
  {
    image: 'C:\\Windows\\System32\\conhost.exe',
    commandLine: '\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1',
    description: 'Console Window Host',
  },
];

const LOADED_IMAGES = [
  'ntdll.dll',
  'kernel32.dll',
  'KernelBase.dll',
  'advapi32.dll',
  'combase.dll',
  'bcrypt.dll',
  'user32.dll',
];

function processCreate(random: Random, timeMicros: number, child: Process, parent: Process, program: Program) {
  const event = spec(child.host, 'sysmon', 1, timeMicros, random);
  event.data = [
    ['RuleName', '-'],
    ['UtcTime', utcTime(timeMicros - random.int(0, 2000))],
    ['ProcessGuid', child.guid],
    ['ProcessId', String(child.pid)],
    ['Image', child.image],
    ['Description', program.description],
    ['Company', 'Microsoft Corporation'],
    ['CommandLine', program.commandLine],
    ['CurrentDirectory', 'C:\\Windows\\system32\\'],
    ['User', child.user],
    ['IntegrityLevel', child.user === SYSTEM_USER ? 'System' : 'Medium'],
    ['Hashes', `SHA256=${random.hex(64).toUpperCase()}`],
    ['ParentProcessGuid', parent.guid],
    ['ParentProcessId', String(parent.pid)],
    ['ParentImage', parent.image],
    ['ParentUser', parent.user],
  ];
  return event;
}

function imageLoad(random: Random, timeMicros: number, process: Process, dll: string) {
  const event = spec(process.host, 'sysmon', 7, timeMicros, random);
  event.data = [
    ['RuleName', '-'],
    ['UtcTime', utcTime(timeMicros - random.int(0, 2000))],
    ['ProcessGuid', process.guid],
    ['ProcessId', String(process.pid)],
    ['Image', process.image],
    ['ImageLoaded', `C:\\Windows\\System32\\${dll}`],
    ['Hashes', `SHA256=${random.hex(64).toUpperCase()}`],
    ['Signed', 'true'],
    ['Signature', 'Microsoft Windows'],
    ['SignatureStatus', 'Valid'],
    ['User', process.user],
  ];
  return event;
}

function networkConnect(random: Random, timeMicros: number, process: Process) {
  const event = spec(process.host, 'sysmon', 3, timeMicros, random);
  event.data = [
    ['RuleName', '-'],
    ['UtcTime', utcTime(timeMicros - random.int(0, 2000))],
    ['ProcessGuid', process.guid],
    ['ProcessId', String(process.pid)],
    ['Image', process.image],
    ['User', process.user],
    ['Protocol', 'tcp'],
    ['Initiated', 'true'],
    ['SourceIp', process.host.ip],
    ['SourcePort', String(random.int(49152, 65535))],
    ['DestinationIp', `198.51.100.${random.int(2, 250)}`],
    ['DestinationPort', String(random.pick([443, 443, 80, 445]))],
  ];
  return event;
}

/** Long-running processes of one host that open, start or get opened by others. */
interface HostProcesses {
  host: Host;
  services: Process;
  explorer: Process;
  wmi: Process;
  noiseSources: { process: Process; mask: string; trace: string }[];
}

function hostProcesses(random: Random, host: Host, wmiImage: string): HostProcesses {
  const noise = (image: string, mask: string, user = SYSTEM_USER) => ({
    process: newProcess(random, host, image, user),
    mask,
    trace: callTrace(random, [...TRACE_BASE, image]),
  });
  return {
    host,
    services: newProcess(random, host, 'C:\\Windows\\system32\\services.exe'),
    explorer: newProcess(random, host, 'C:\\Windows\\explorer.exe', 'BRANCH\\analyst'),
    wmi: newProcess(random, host, wmiImage, NETWORK_SERVICE),
    // Masks from the detection's IN list, and others, on images that are not wmiprvse.exe.
    noiseSources: [
      noise('C:\\Windows\\system32\\csrss.exe', '0x1fffff'),
      noise('C:\\Windows\\system32\\lsass.exe', '0x1478'),
      noise('C:\\Windows\\System32\\svchost.exe', '0x1478'),
      noise('C:\\Windows\\System32\\svchost.exe', '0x101541'),
      noise('C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MsMpEng.exe', '0x1000'),
      noise('C:\\Windows\\system32\\Taskmgr.exe', '0x1410', 'BRANCH\\analyst'),
    ],
  };
}

/** The three sample hosts: lower-case wmiprvse.exe on the first, WmiPrvSE.exe on the others. */
type Worlds = [HostProcesses, HostProcesses, HostProcesses];

/** Builds a process start with its image loads, sometimes a connection and an access by another process. */
function backgroundActivity(random: Random, world: HostProcesses, timeMicros: number): EventSpec[] {
  const program = random.pick(PROGRAMS);
  const user = random.next() < 0.5 ? SYSTEM_USER : 'BRANCH\\analyst';
  const child = newProcess(random, world.host, program.image, user);
  const parent = user === SYSTEM_USER ? world.services : world.explorer;
  const events = [processCreate(random, timeMicros, child, parent, program)];
  let time = timeMicros;
  for (let loads = random.int(1, 3); loads > 0; loads -= 1) {
    time += random.int(2_000, 60_000);
    events.push(imageLoad(random, time, child, random.pick(LOADED_IMAGES)));
  }
  if (random.next() < 0.4) {
    events.push(networkConnect(random, time + random.int(100_000, 3_000_000), child));
  }
  if (random.next() < 0.7) {
    const source = random.pick(world.noiseSources);
    events.push(
      processAccess(random, time + random.int(0, 2_000_000), source.process, child, source.mask, source.trace),
    );
  }
  return events;
}

function at(hour: number, minute: number, second: number, micros = 0): number {
  return Date.UTC(2026, 10, 17, hour, minute, second) * 1000 + micros;
}

/** Returns a builder of one group's events: WmiPrvSE opens one process with `mask`, always with the same CallTrace. */
function matchGroup(random: Random, world: HostProcesses, targetImage: string, mask: string) {
  const target = newProcess(random, world.host, targetImage, 'BRANCH\\analyst');
  const trace = callTrace(random, WMI_TRACE);
  return (timeMicros: number) => processAccess(random, timeMicros, world.wmi, target, mask, trace);
}

/** Builds the events the detection matches: 9 groups over 4 windows once the dropped one is left out. */
function matches(random: Random, [a, b, c]: Worlds): EventSpec[] {
  const aPowerShell = matchGroup(random, a, POWERSHELL_IMAGE, '0x1478');
  const aSvchost = matchGroup(random, a, 'C:\\Windows\\System32\\svchost.exe', '0x1fffff');
  const bCmd = matchGroup(random, b, CMD_IMAGE, '0x1fffff');
  const bAgent = matchGroup(random, b, 'C:\\Program Files\\Contoso\\Agent\\agentsvc.exe', '0x1478');
  const cPowerShell = matchGroup(random, c, POWERSHELL_IMAGE, '0x1478');
  const cRundll = matchGroup(random, c, 'C:\\Windows\\System32\\rundll32.exe', '0x1fffff');
  const upper = bCmd(at(9, 22, 6, 418_000));
  upper.data = upper.data.map(([name, value]) => [name, name === 'GrantedAccess' ? '0x1FFFFF' : value]);
  const emptyTrace = bAgent(at(9, 40, 10, 77_000));
  emptyTrace.data = emptyTrace.data.map(([name, value]) => [name, name === 'CallTrace' ? '' : value]);
  const broken = cRundll(at(10, 30, 12, 5_000));
  broken.malformed = true;
  const redelivered = bAgent(at(10, 5, 33, 250_000));
  redelivered.redelivered = true;
  return [
    ...[at(8, 31, 7, 120_000), at(8, 31, 9, 4_000), at(8, 44, 52, 990_000), at(8, 53, 15, 300_000)].map(aPowerShell),
    aSvchost(at(9, 12, 40, 640_000)),
    bCmd(at(9, 22, 5, 901_000)),
    upper,
    emptyTrace,
    redelivered,
    bAgent(at(10, 18, 2, 33_000)),
    broken,
    cPowerShell(at(10, 49, 59, 987_123)),
    cPowerShell(at(10, 50, 0)),
    cRundll(at(11, 2, 41, 512_000)),
  ];
}

/** Builds events that look like matches but differ in mask, image, event id or channel. */
function nearMisses(random: Random, worlds: Worlds): EventSpec[] {
  const [a, b, c] = worlds;
  const access = (world: HostProcesses, time: number, image: string, mask: string) => {
    const source = image === world.wmi.image ? world.wmi : newProcess(random, world.host, image, NETWORK_SERVICE);
    const target = newProcess(random, world.host, CMD_IMAGE, 'BRANCH\\analyst');
    return processAccess(random, time, source, target, mask, callTrace(random, WMI_TRACE));
  };
  const events = Array.from({ length: WMI_NEAR_MISSES_0X1400 }, () => {
    const world = random.pick(worlds);
    return access(world, START_MS * 1000 + random.int(0, SPAN_MS * 1000), world.wmi.image, '0x1400');
  });
  events.push(
    access(a, at(9, 3, 17, 220_000), WMI_LOWER, '0x01478'),
    access(b, at(9, 47, 2, 610_000), WMI_MIXED, '0x1410'),
    access(c, at(10, 11, 45, 30_000), 'C:\\Tools\\notwmiprvse.exe', '0x1478'),
    access(a, at(10, 26, 8, 845_000), 'wmiprvse.exe', '0x1fffff'),
    access(b, at(10, 37, 51, 5_000), `${WMI_LOWER} `, '0x1478'),
    securityProcessCreate(random, b, at(9, 58, 20, 700_000)),
    setupEvent(random, c, at(10, 43, 4, 250_000)),
  );
  return events;
}

/** Builds a Security 4688 process creation whose parent is WmiPrvSE, so channel and event id differ. */
function securityProcessCreate(random: Random, world: HostProcesses, timeMicros: number): EventSpec {
  const event = spec(world.host, 'security', 4688, timeMicros, random);
  event.data = [
    ['SubjectUserSid', 'S-1-5-20'],
    ['SubjectUserName', `${world.host.name.split('.')[0]}$`],
    ['SubjectDomainName', 'BRANCH'],
    ['NewProcessId', `0x${random.hex(4)}`],
    ['NewProcessName', CMD_IMAGE],
    ['TokenElevationType', '%%1936'],
    ['ProcessId', `0x${world.wmi.pid.toString(16)}`],
    ['CommandLine', 'cmd.exe /c whoami'],
    ['ParentProcessName', WMI_MIXED],
    ['MandatoryLabel', 'S-1-16-16384'],
  ];
  return event;
}

/** Builds an EventID 10 on the Setup channel with the fields of a match, so only the channel differs. */
function setupEvent(random: Random, world: HostProcesses, timeMicros: number): EventSpec {
  const event = spec(world.host, 'setup', 10, timeMicros, random);
  event.data = [
    ['SourceImage', WMI_MIXED],
    ['TargetImage', CMD_IMAGE],
    ['GrantedAccess', '0x1478'],
  ];
  return event;
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function systemTime(event: EventSpec): string {
  const iso = new Date(Math.floor(event.timeMicros / 1000)).toISOString();
  const micros = String(event.timeMicros % 1_000_000).padStart(6, '0');
  return `${iso.slice(0, 19)}.${micros}${event.tick}Z`;
}

/** Returns the System fields that differ by provider: provider, version, level, task, keywords, channel, process id. */
function systemFields(event: EventSpec): [string, number, number, number, string, string, number] {
  switch (event.kind) {
    case 'sysmon':
      return [
        SYSMON_PROVIDER,
        SYSMON_VERSIONS[event.eventId] ?? 0,
        4,
        event.eventId,
        '0x8000000000000000',
        SYSMON_CHANNEL,
        event.host.sysmonPid,
      ];
    case 'security':
      return [SECURITY_PROVIDER, 2, 0, 13312, '0x8020000000000000', 'Security', 4];
    case 'setup':
      return [SETUP_PROVIDER, 0, 0, 1, '0x8000000000000000', 'Setup', event.host.sysmonPid + 1168];
  }
}

/** Renders one event as Windows does: single-quoted attributes, no whitespace between elements. */
function renderEvent(event: EventSpec, recordId: number): string {
  const [provider, version, level, task, keywords, channel, processId] = systemFields(event);
  const security = event.kind === 'security' ? '<Security/>' : `<Security UserID='S-1-5-18'/>`;
  const system =
    `<System><Provider ${provider}/><EventID>${event.eventId}</EventID><Version>${version}</Version>` +
    `<Level>${level}</Level><Task>${task}</Task><Opcode>0</Opcode><Keywords>${keywords}</Keywords>` +
    `<TimeCreated SystemTime='${systemTime(event)}'/><EventRecordID>${recordId}</EventRecordID><Correlation/>` +
    `<Execution ProcessID='${processId}' ThreadID='${event.threadId}'/><Channel>${channel}</Channel>` +
    `<Computer>${event.host.name}</Computer>${security}</System>`;
  const data = event.data.map(([name, value]) => `<Data Name='${name}'>${escapeText(value)}</Data>`).join('');
  const xml = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>${system}<EventData>${data}</EventData></Event>`;
  return event.malformed === true ? xml.replace('</Data>', '') : xml;
}

function channelOf(event: EventSpec): string {
  return systemFields(event)[5];
}

/** Numbers each host's channel in event-time order, as the event log does, starting from a random base. */
function assignRecordIds(random: Random, events: readonly EventSpec[]): Map<EventSpec, number> {
  const next = new Map<string, number>();
  const ids = new Map<EventSpec, number>();
  for (const event of events) {
    const key = `${event.host.name}|${channelOf(event)}`;
    const id = next.get(key) ?? random.int(20_000, 900_000);
    ids.set(event, id);
    next.set(key, id + 1);
  }
  return ids;
}

function byTime(a: EventSpec, b: EventSpec): number {
  return a.timeMicros * 10 + a.tick - (b.timeMicros * 10 + b.tick);
}

/** Orders events by delivery: event time plus a random delay, so the file order steps back a little. */
function deliveryOrder(random: Random, events: readonly EventSpec[]): EventSpec[] {
  const delayed = events.map((event, index) => ({
    event,
    index,
    at: event.timeMicros + random.int(0, MAX_DELIVERY_DELAY_MICROS),
  }));
  delayed.sort((a, b) => a.at - b.at || a.index - b.index);
  return delayed.map(({ event }) => event);
}

function createWorlds(random: Random): Worlds {
  const host = (name: string, ip: string): Host => ({
    name,
    ip,
    guidPrefix: random.hex(8),
    sysmonPid: random.int(500, 2500) * 4,
  });
  const a = host('LAB-WS-031.branch.example.net', '10.40.3.31');
  const b = host('APPSRV-02.branch.example.net', '10.40.8.2');
  const c = host('BUILDBOX7', '10.40.5.7');
  return [
    hostProcesses(random, a, WMI_LOWER),
    hostProcesses(random, b, WMI_MIXED),
    hostProcesses(random, c, WMI_MIXED),
  ];
}

/** Builds the whole sample file: one event per line, each line ending in LF. */
export function generateSampleXml(seed = SAMPLE_SEED): string {
  const random = createRandom(seed);
  const worlds = createWorlds(random);
  const events: EventSpec[] = [];
  for (let activity = 0; activity < BACKGROUND_ACTIVITIES; activity += 1) {
    const start = START_MS * 1000 + random.int(0, SPAN_MS * 1000);
    events.push(...backgroundActivity(random, random.pick(worlds), start));
  }
  events.push(...matches(random, worlds), ...nearMisses(random, worlds));
  events.sort(byTime);
  const recordIds = assignRecordIds(random, events);
  const lines = deliveryOrder(random, events).flatMap((event) => {
    const line = renderEvent(event, recordIds.get(event) ?? 0);
    return event.redelivered === true ? [line, line] : [line];
  });
  return `${lines.join('\n')}\n`;
}

if (require.main === module) {
  writeFileSync(SAMPLE_FILE, generateSampleXml());
  process.stdout.write(`wrote ${SAMPLE_FILE}\n`);
}
