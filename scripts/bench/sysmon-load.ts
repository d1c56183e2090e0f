// Generates live Sysmon events for the pipeline benchmark: process creation (EventID 1), network
// connection (3), process access (10) by ordinary sources, near misses by WmiPrvSE, and matches.
import { SeededRandom } from './seeded-random';
import { ANALYST, callTrace, createHost, newProcess, SYSTEM, type Host, type Process } from './sysmon-hosts';
import { renderSysmonXml, utcTimeOf, windowsSystemTime, type DataField } from './sysmon-xml';

export interface GeneratedEvent {
  xml: string;
  computer: string;
  recordId: number;
  /** True when the detection matches the event: WmiPrvSE opening a process with 0x1478 or 0x1fffff. */
  matches: boolean;
}

interface Access {
  source: Process;
  target: Process;
  mask: string;
  callTrace: string;
}

const HOST_COUNT = 64;
const PROGRAMS = [
  ['C:\\Windows\\System32\\cmd.exe', 'cmd.exe /c dir C:\\Temp'],
  ['C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'powershell.exe -NoProfile -File C:\\Ops\\a.ps1'],
  ['C:\\Windows\\System32\\svchost.exe', 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule'],
  ['C:\\Program Files\\Mozilla Firefox\\firefox.exe', '"C:\\Program Files\\Mozilla Firefox\\firefox.exe" -contentproc'],
  ['C:\\Windows\\System32\\conhost.exe', '\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1'],
] as const;
// Process-access sources other than WmiPrvSE. Two of them use masks from the detection's list.
const ACCESS_SOURCES = [
  ['C:\\Windows\\system32\\lsass.exe', '0x1478'],
  ['C:\\Windows\\system32\\csrss.exe', '0x1fffff'],
  ['C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MsMpEng.exe', '0x1000'],
  ['C:\\Windows\\System32\\svchost.exe', '0x101541'],
] as const;
const NEAR_MISS_MASKS = ['0x1400', '0x1410', '0x1040'];

/**
 * Builds events across 64 hosts, of which the share `matchRatio` match. Of the other events, 30 %
 * are EventID 1, 30 % EventID 3, 32 % EventID 10 by other sources and 8 % EventID 10 by WmiPrvSE
 * with other masks.
 */
export class SysmonLoad {
  private readonly random: SeededRandom;
  private readonly hosts: Host[];

  constructor(
    seed: number,
    private readonly matchRatio: number,
  ) {
    this.random = new SeededRandom(seed);
    this.hosts = Array.from({ length: HOST_COUNT }, (_, index) => createHost(this.random, index));
  }

  /** Builds the next event, stamped with `nowMs` as its TimeCreated. */
  next(nowMs: number): GeneratedEvent {
    const host = this.random.pick(this.hosts);
    const draw = this.random.next();
    if (draw < this.matchRatio) return this.processAccessMatch(host, nowMs);
    const rest = (draw - this.matchRatio) / (1 - this.matchRatio);
    if (rest < 0.3) return this.processCreate(host, nowMs);
    if (rest < 0.6) return this.networkConnect(host, nowMs);
    if (rest < 0.92) return this.processAccessOther(host, nowMs);
    return this.processAccessNearMiss(host, nowMs);
  }

  private processCreate(host: Host, nowMs: number): GeneratedEvent {
    const [image, commandLine] = this.random.pick(PROGRAMS);
    const child = this.process(host, image, this.random.next() < 0.5 ? SYSTEM : ANALYST);
    return this.event(host, { eventId: 1, version: 5, nowMs, matches: false }, [
      ...this.processFields(nowMs, child),
      ['CommandLine', commandLine],
      ['CurrentDirectory', 'C:\\Windows\\system32\\'],
      ['User', child.user],
      ['IntegrityLevel', child.user === SYSTEM ? 'System' : 'Medium'],
      ['Hashes', `SHA256=${this.random.hex(64).toUpperCase()}`],
      ['ParentProcessGuid', host.services.guid],
      ['ParentProcessId', String(host.services.pid)],
      ['ParentImage', host.services.image],
    ]);
  }

  private networkConnect(host: Host, nowMs: number): GeneratedEvent {
    const process = this.process(host, this.random.pick(PROGRAMS)[0], SYSTEM);
    return this.event(host, { eventId: 3, version: 5, nowMs, matches: false }, [
      ...this.processFields(nowMs, process),
      ['User', process.user],
      ['Protocol', 'tcp'],
      ['Initiated', 'true'],
      ['SourceIp', host.ip],
      ['SourcePort', String(this.random.integer(49_152, 65_535))],
      ['DestinationIp', `203.0.113.${this.random.integer(1, 254)}`],
      ['DestinationPort', String(this.random.pick([443, 443, 80, 445, 5985]))],
    ]);
  }

  private processAccessMatch(host: Host, nowMs: number): GeneratedEvent {
    const target = this.random.pick(host.targets);
    const access = { source: host.wmi, target: target.process, mask: target.mask, callTrace: target.callTrace };
    return this.processAccess(host, nowMs, access, true);
  }

  private processAccessOther(host: Host, nowMs: number): GeneratedEvent {
    const [image, mask] = this.random.pick(ACCESS_SOURCES);
    const source = this.process(host, image, SYSTEM);
    const target = this.process(host, this.random.pick(PROGRAMS)[0], ANALYST);
    return this.processAccess(host, nowMs, { source, target, mask, callTrace: callTrace(this.random, image) }, false);
  }

  private processAccessNearMiss(host: Host, nowMs: number): GeneratedEvent {
    const target = this.process(host, this.random.pick(PROGRAMS)[0], ANALYST);
    const mask = this.random.pick(NEAR_MISS_MASKS);
    const access = { source: host.wmi, target, mask, callTrace: callTrace(this.random, host.wmi.image) };
    return this.processAccess(host, nowMs, access, false);
  }

  private processAccess(host: Host, nowMs: number, access: Access, matches: boolean): GeneratedEvent {
    const { source, target } = access;
    return this.event(host, { eventId: 10, version: 3, nowMs, matches }, [
      ['RuleName', '-'],
      ['UtcTime', utcTimeOf(nowMs)],
      ['SourceProcessGUID', source.guid],
      ['SourceProcessId', String(source.pid)],
      ['SourceThreadId', String(this.random.integer(100, 9000) * 4)],
      ['SourceImage', source.image],
      ['TargetProcessGUID', target.guid],
      ['TargetProcessId', String(target.pid)],
      ['TargetImage', target.image],
      ['GrantedAccess', access.mask],
      ['CallTrace', access.callTrace],
      ['SourceUser', source.user],
      ['TargetUser', target.user],
    ]);
  }

  private event(
    host: Host,
    kind: { eventId: number; version: number; nowMs: number; matches: boolean },
    data: DataField[],
  ): GeneratedEvent {
    const recordId = host.nextRecordId++;
    const xml = renderSysmonXml({
      eventId: kind.eventId,
      version: kind.version,
      recordId,
      systemTime: windowsSystemTime(kind.nowMs, this.random.integer(0, 9999)),
      computer: host.name,
      processId: host.sysmonPid,
      threadId: this.random.integer(100, 9000) * 4,
      data,
    });
    return { xml, computer: host.name, recordId, matches: kind.matches };
  }

  private processFields(nowMs: number, process: Process): DataField[] {
    return [
      ['RuleName', '-'],
      ['UtcTime', utcTimeOf(nowMs)],
      ['ProcessGuid', process.guid],
      ['ProcessId', String(process.pid)],
      ['Image', process.image],
    ];
  }

  private process(host: Host, image: string, user: string): Process {
    return newProcess(this.random, host.guidPrefix, image, user);
  }
}
