import type { Detection } from '../../src/detection/detection';

/** Returns a detection shaped like the ESCU search. Its id and texts are test values, not ESCU's. */
export function wmiImpersonationDetection(): Detection {
  return {
    id: '3b6e4a52-1d0f-4c7e-9a8b-0c1d2e3f4a5b',
    name: 'Windows WMI Impersonate Token',
    searchName: 'ESCU - Windows WMI Impersonate Token - Rule',
    description: 'WmiPrvSE opened a process with an access mask that allows token impersonation.',
    input: { channels: ['Microsoft-Windows-Sysmon/Operational'] },
    filter: 'EventCode=10 SourceImage="*\\\\wmiprvse.exe" GrantedAccess IN ("0x1478", "0x1fffff")',
    byFields: [
      'SourceImage',
      'TargetImage',
      'SourceProcessGUID',
      'TargetProcessGUID',
      'SourceProcessId',
      'TargetProcessId',
      'GrantedAccess',
      'CallTrace',
      'dest',
    ],
    window: { size: 3600, offset: 3000, grace: 600 },
    risk: {
      score: 25,
      impact: 50,
      confidence: 50,
      objectField: 'dest',
      objectType: 'system',
      messageTemplate: '$SourceImage$ on $dest$ opened $TargetImage$ with access $GrantedAccess$',
    },
    annotations: { mitreAttack: ['T1047'], analyticStories: ['Suspicious WMI Use'] },
    knownFalsePositives: 'Management software that uses WMI to start processes.',
  };
}

/** By-field values of the real positive from 2020-08-06, CallTrace shortened. */
export const GRUNT_VALUES = [
  'C:\\windows\\system32\\wbem\\wmiprvse.exe',
  'C:\\Windows\\System32\\GruntHTTP2.exe',
  '{49a15388-b7b9-5f2b-8504-000000000400}',
  '{49a15388-b7b9-5f2b-8604-000000000400}',
  '3460',
  '3824',
  '0x1fffff',
  'C:\\windows\\SYSTEM32\\ntdll.dll+9d8e4|C:\\windows\\System32\\KERNELBASE.dll+5f36a',
  'WORKSTATION6.theshire.local',
];
