export type DataField = [name: string, value: string];

export interface SysmonRecord {
  eventId: number;
  version: number;
  recordId: number;
  /** TimeCreated/@SystemTime, as `windowsSystemTime` writes it. */
  systemTime: string;
  computer: string;
  /** Process and thread of the Sysmon service that wrote the record. */
  processId: number;
  threadId: number;
  data: DataField[];
}

const PROVIDER = `<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/>`;

/** Renders one Sysmon record on one line, as Windows renders event XML: single quotes, no whitespace. */
export function renderSysmonXml(record: SysmonRecord): string {
  const system =
    `<System>${PROVIDER}<EventID>${record.eventId}</EventID><Version>${record.version}</Version>` +
    `<Level>4</Level><Task>${record.eventId}</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords>` +
    `<TimeCreated SystemTime='${record.systemTime}'/><EventRecordID>${record.recordId}</EventRecordID>` +
    `<Correlation/><Execution ProcessID='${record.processId}' ThreadID='${record.threadId}'/>` +
    `<Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>${record.computer}</Computer>` +
    `<Security UserID='S-1-5-18'/></System>`;
  const data = record.data.map(([name, value]) => `<Data Name='${name}'>${escapeXmlText(value)}</Data>`).join('');
  return `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>${system}<EventData>${data}</EventData></Event>`;
}

/** Formats epoch milliseconds with seven fraction digits as Windows writes SystemTime, with `subMilli` as digits 4 to 7. */
export function windowsSystemTime(epochMs: number, subMilli: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 23)}${String(subMilli).padStart(4, '0')}Z`;
}

/** Formats epoch milliseconds as Sysmon's UtcTime field, `YYYY-MM-DD hh:mm:ss.sss`. */
export function utcTimeOf(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

function escapeXmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
