import { compileWildcard } from '../../src/filter/wildcard';

function matches(pattern: string, value: string): boolean {
  return compileWildcard(pattern)(value.toLowerCase());
}

describe('compileWildcard', () => {
  it.each([
    ['exact', '0x1fffff', '0x1FFFFF', true],
    ['exact rejects padding', '0x1478', '0x01478', false],
    ['exact rejects prefix', '10', '10016', false],
    ['suffix', String.raw`*\wmiprvse.exe`, String.raw`C:\Windows\System32\wbem\WmiPrvSE.exe`, true],
    ['suffix needs backslash', String.raw`*\wmiprvse.exe`, 'wmiprvse.exe', false],
    ['suffix rejects look-alike', String.raw`*\wmiprvse.exe`, String.raw`C:\x\notwmiprvse.exe`, false],
    ['suffix anchored at end', String.raw`*\wmiprvse.exe`, String.raw`C:\Windows\wmiprvse.exe `, false],
    ['prefix', String.raw`c:\windows\*`, String.raw`C:\Windows\system32\lsass.exe`, true],
    ['prefix anchored at start', String.raw`c:\windows\*`, String.raw`D:\c:\windows\x`, false],
    ['contains', '*wbem*', String.raw`C:\Windows\System32\wbem\WmiPrvSE.exe`, true],
    ['contains misses', '*wbem*', String.raw`C:\Windows\System32\lsass.exe`, false],
    ['prefix and suffix', String.raw`c:\*.exe`, String.raw`C:\Windows\System32\whoami.exe`, true],
    ['prefix and suffix overlap', 'ab*ba', 'aba', false],
    ['star alone', '*', String.raw`C:\Windows\System32\whoami.exe`, true],
    ['star matches empty run', 'a*b', 'ab', true],
    ['double star', '**.exe', 'whoami.exe', true],
    ['sequence', String.raw`c:\*\wbem\*.exe`, String.raw`C:\Windows\System32\wbem\WmiPrvSE.exe`, true],
    [
      'sequence order',
      '*ntdll*kernelbase*',
      String.raw`C:\windows\SYSTEM32\ntdll.dll+9d8e4|C:\windows\System32\KERNELBASE.dll+59e1a`,
      true,
    ],
    [
      'sequence wrong order',
      '*kernelbase*ntdll*',
      String.raw`C:\windows\SYSTEM32\ntdll.dll+9d8e4|C:\windows\System32\KERNELBASE.dll+59e1a`,
      false,
    ],
    ['sequence no overlap with suffix', 'a*bc*c', 'abc', false],
    ['sequence spans line breaks', '*line1*line2*', 'x line1\r\n line2 y', true],
    ['regex characters literal', '*(x86)*', String.raw`C:\Program Files (x86)\app.exe`, true],
    ['dot literal', '*.exe', 'whoamiXexe', false],
  ])('%s', (_name, pattern, value, expected) => {
    expect(matches(pattern, value)).toBe(expected);
  });
});
