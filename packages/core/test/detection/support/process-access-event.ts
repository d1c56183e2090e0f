import type { SearchableEvent } from '../../../src/detection/fields';

// Data values of the WmiPrvSE positive in the OTRF WSMan dataset (Sysmon EventID 10), CallTrace shortened.
const POSITIVE_DATA: ReadonlyArray<[string, string]> = [
  ['RuleName', '-'],
  ['UtcTime', '2020-10-13 04:26:28.815'],
  ['SourceProcessGUID', '{37c5a1b2-2c74-5f85-3203-000000000400}'],
  ['SourceProcessId', '2440'],
  ['SourceThreadId', '3016'],
  ['SourceImage', String.raw`C:\windows\system32\wbem\wmiprvse.exe`],
  ['TargetProcessGUID', '{37c5a1b2-2c74-5f85-3303-000000000400}'],
  ['TargetProcessId', '6440'],
  ['TargetImage', String.raw`C:\windows\system32\whoami.exe`],
  ['GrantedAccess', '0x1fffff'],
  ['CallTrace', String.raw`C:\windows\SYSTEM32\ntdll.dll+9d8e4|C:\windows\System32\KERNELBASE.dll+59e1a`],
];

/** Builds a Sysmon process-access event; `data` replaces or adds Data values, null drops one. */
export function processAccessEvent(
  data: Record<string, string | null> = {},
  system: Partial<Omit<SearchableEvent, 'eventData'>> = {},
): SearchableEvent {
  const eventData = POSITIVE_DATA.filter(([name]) => data[name] !== null).map(([name, value]) => ({
    name,
    value: data[name] ?? value,
  }));
  for (const [name, value] of Object.entries(data)) {
    if (value !== null && !POSITIVE_DATA.some(([known]) => known === name)) {
      eventData.push({ name, value });
    }
  }
  return {
    eventId: 10,
    computer: 'WORKSTATION6.theshire.local',
    channel: 'Microsoft-Windows-Sysmon/Operational',
    ...system,
    eventData,
  };
}
