export interface ProcessAccessFields {
  recordId: number;
  /** TimeCreated/@SystemTime as Windows writes it, e.g. 2026-11-30T09:51:12.1234567Z. */
  systemTime: string;
  computer?: string;
  targetImage?: string;
  grantedAccess?: string;
  sourceImage?: string;
  targetProcessId?: number;
}

/** Writes a Sysmon EventID 10 (process access) event in Windows' XML rendering, for tests. */
export function processAccessXml(fields: ProcessAccessFields): string {
  const {
    recordId,
    systemTime,
    computer = 'ws-17.corp.example',
    targetImage = 'C:\\Windows\\System32\\net.exe',
    grantedAccess = '0x1478',
    sourceImage = 'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe',
    targetProcessId = 4410,
  } = fields;
  return (
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>" +
    "<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/><EventID>10</EventID>" +
    `<Version>3</Version><Level>4</Level><Task>10</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords>` +
    `<TimeCreated SystemTime='${systemTime}'/><EventRecordID>${recordId}</EventRecordID><Correlation/>` +
    "<Execution ProcessID='3012' ThreadID='4020'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel>" +
    `<Computer>${computer}</Computer><Security UserID='S-1-5-18'/></System><EventData>` +
    "<Data Name='RuleName'>-</Data><Data Name='UtcTime'>" +
    `${systemTime.slice(0, 10)} ${systemTime.slice(11, 23)}</Data>` +
    "<Data Name='SourceProcessGUID'>{1a2b3c4d-0001-0002-0003-000000000001}</Data><Data Name='SourceProcessId'>2212</Data>" +
    "<Data Name='SourceThreadId'>3340</Data>" +
    `<Data Name='SourceImage'>${sourceImage}</Data>` +
    "<Data Name='TargetProcessGUID'>{1a2b3c4d-0001-0002-0003-000000000002}</Data>" +
    `<Data Name='TargetProcessId'>${targetProcessId}</Data>` +
    `<Data Name='TargetImage'>${targetImage}</Data><Data Name='GrantedAccess'>${grantedAccess}</Data>` +
    "<Data Name='CallTrace'>C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|C:\\Windows\\system32\\wbem\\wmiprvse.exe+1b2ae</Data>" +
    '</EventData></Event>'
  );
}

/** Formats epoch milliseconds as a 7-digit SystemTime, the form Windows writes. */
export function systemTimeOf(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}
