import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Fields of one Sysmon EventID 10 test event. A field set to null leaves its Data element out. */
export interface AccessEventFields {
  time: string;
  recordId: number;
  computer?: string;
  channel?: string;
  sourceImage?: string;
  targetImage?: string;
  grantedAccess?: string;
  callTrace?: string | null;
}

const WMI = 'C:\\Windows\\system32\\wbem\\WmiPrvSE.exe';

/** Renders a Sysmon process-access event on one line, Windows style, that the detection matches by default. */
export function accessEventXml(fields: AccessEventFields): string {
  const data: [string, string | null | undefined][] = [
    ['SourceProcessGUID', '{0b5e1c2d-1111-6a00-0a00-000000000300}'],
    ['SourceProcessId', '2604'],
    ['SourceImage', fields.sourceImage ?? WMI],
    ['TargetProcessGUID', '{0b5e1c2d-2222-6a00-0b00-000000000300}'],
    ['TargetProcessId', '5812'],
    ['TargetImage', fields.targetImage ?? 'C:\\Windows\\System32\\cmd.exe'],
    ['GrantedAccess', fields.grantedAccess ?? '0x1478'],
    ['CallTrace', fields.callTrace === undefined ? 'C:\\Windows\\SYSTEM32\\ntdll.dll+a0c14' : fields.callTrace],
  ];
  const elements = data
    .filter(([, value]) => value !== null)
    .map(([name, value]) => `<Data Name='${name}'>${value ?? ''}</Data>`)
    .join('');
  return (
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>` +
    `<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/>` +
    `<EventID>10</EventID><TimeCreated SystemTime='${fields.time}'/><EventRecordID>${fields.recordId}</EventRecordID>` +
    `<Channel>${fields.channel ?? 'Microsoft-Windows-Sysmon/Operational'}</Channel>` +
    `<Computer>${fields.computer ?? 'WKS-TEST-01'}</Computer></System><EventData>${elements}</EventData></Event>`
  );
}

const tempDirs: string[] = [];

/** Writes `lines` to a new file in a fresh temporary directory and returns its path. */
export function writeTempFile(name: string, lines: readonly string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'riskstream-scan-'));
  tempDirs.push(dir);
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Deletes every directory that writeTempFile created. Call it from afterAll. */
export function removeTempFiles(): void {
  for (const dir of tempDirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
}
