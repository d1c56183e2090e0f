import type { SampleElement, SampleNode } from './sample-tree';
import { el } from './sample-tree';

// Test events written for these tests in the shape Windows renders, not taken from any dataset.

export const EVENT_NS = 'http://schemas.microsoft.com/win/2004/08/events/event';

export interface SystemOptions {
  eventId?: string;
  qualifiers?: string;
  systemTime?: string;
  correlation?: Record<string, string>;
  userId?: string | null;
  eventSourceName?: string;
}

/** Builds a System block as Sysmon writes it. Options swap in the classic-event and converter variants. */
export function system(options: SystemOptions = {}): SampleElement {
  const provider: Record<string, string> = {
    Name: 'Microsoft-Windows-Sysmon',
    Guid: '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}',
  };
  if (options.eventSourceName !== undefined) {
    provider.EventSourceName = options.eventSourceName;
  }
  const qualifiers: Record<string, string> = options.qualifiers === undefined ? {} : { Qualifiers: options.qualifiers };
  return el(
    'System',
    {},
    el('Provider', provider),
    el('EventID', qualifiers, options.eventId ?? '10'),
    el('Version', {}, '3'),
    el('Level', {}, '4'),
    el('Task', {}, '10'),
    el('Opcode', {}, '0'),
    el('Keywords', {}, '0x8000000000000000'),
    el('TimeCreated', { SystemTime: options.systemTime ?? '2024-05-02T08:15:30.1234567Z' }),
    el('EventRecordID', {}, '424242'),
    el('Correlation', options.correlation ?? {}),
    el('Execution', { ProcessID: '2996', ThreadID: '3120' }),
    el('Channel', {}, 'Microsoft-Windows-Sysmon/Operational'),
    el('Computer', {}, 'lab-host7.example.test'),
    options.userId === null ? el('Security') : el('Security', { UserID: options.userId ?? 'S-1-5-18' }),
  );
}

/** Builds one named Data element. An empty value renders as an empty or self-closed element. */
export function data(name: string, value: string): SampleElement {
  return value === '' ? el('Data', { Name: name }) : el('Data', { Name: name }, value);
}

/** Builds the EventData of a Sysmon process-access event (EventID 10) from WmiPrvSE. */
export function processAccessData(overrides: Record<string, string> = {}): SampleElement {
  const fields: Record<string, string> = {
    RuleName: '-',
    UtcTime: '2024-05-02 08:15:30.122',
    SourceProcessGUID: '{aa11bb22-0001-6633-0a00-000000000c00}',
    SourceProcessId: '1844',
    SourceThreadId: '2204',
    SourceImage: 'C:\\Windows\\system32\\wbem\\wmiprvse.exe',
    TargetProcessGUID: '{aa11bb22-0002-6633-1b00-000000000c00}',
    TargetProcessId: '5120',
    TargetImage: 'C:\\Windows\\System32\\notepad.exe',
    GrantedAccess: '0x1478',
    CallTrace:
      'C:\\Windows\\SYSTEM32\\ntdll.dll+a0f44|C:\\Windows\\System32\\KERNELBASE.dll+3b11e|UNKNOWN(000001A2B3C4D5E6)',
    ...overrides,
  };
  return el('EventData', {}, ...Object.entries(fields).map(([name, value]) => data(name, value)));
}

/** Builds an Event element with the event namespace, or with none when `namespace` is null. */
export function event(children: SampleNode[], namespace: string | null = EVENT_NS): SampleElement {
  return el('Event', namespace === null ? {} : { xmlns: namespace }, ...children);
}

/** Builds RenderingInfo as Windows appends it, whose text Level/Task/Opcode must not reach System fields. */
export function renderingInfo(): SampleElement {
  return el(
    'RenderingInfo',
    { Culture: 'en-US' },
    el('Message', {}, 'Process accessed:\r\nRuleName: -\r\nGrantedAccess: 0x1478'),
    el('Level', {}, 'Information'),
    el('Task', {}, 'Process accessed (rule: ProcessAccess)'),
    el('Opcode', {}, 'Info'),
  );
}

/** Builds UserData whose child declares its own default namespace, as servicing events do. */
export function userData(): SampleElement {
  return el(
    'UserData',
    {},
    el(
      'PackageChange',
      { xmlns: 'http://manifests.example.test/setup' },
      el('PackageName', {}, 'Feature-Pack & Tools'),
      el('ErrorCode'),
      el('Client', {}, 'Servicing Stack'),
    ),
  );
}

/** Builds a classic (pre-Vista) event: Qualifiers, EventSourceName, Data without Name and Binary. */
export function classicEvent(): SampleElement {
  return event([
    system({ eventId: '7036', qualifiers: '16384', eventSourceName: 'Service Control Manager', userId: null }),
    el(
      'EventData',
      {},
      el('Data', {}, 'Print Spooler'),
      el('Data', {}, 'running'),
      el('Binary', {}, '5300700006F006F006C00'),
    ),
  ]);
}
