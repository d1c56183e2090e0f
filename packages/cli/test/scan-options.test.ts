import { existsSync } from 'node:fs';
import { CommanderError, InvalidArgumentError } from 'commander';
import { scanFiles } from '../src/commands/scan';
import { createScanCommand } from '../src/commands/scan-command';
import { timeZoneOption, wholeNumberOption } from '../src/commands/scan-options';
import { DEFAULT_DETECTION_FILE, parseExclusions } from '../src/commands/scan-setup';
import { accessEventXml, removeTempFiles, writeTempFile } from './access-event-xml';

afterAll(removeTempFiles);

/** Parses `args` with the scan command and returns the error message, or undefined when parsing passed. */
async function parseError(args: string[]): Promise<string | undefined> {
  const command = createScanCommand()
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: () => undefined })
    .action(() => undefined);
  try {
    await command.parseAsync(args, { from: 'user' });
    return undefined;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return error.message;
  }
}

describe('wholeNumberOption', () => {
  const seconds = wholeNumberOption('seconds', 1);

  test('accepts digits', () => {
    expect(seconds('3600')).toBe(3600);
  });

  test.each(['abc', '', '-5', '1e3', '12.5', '0x10', ' 60', '99999999999999999999'])('rejects %j', (value) => {
    expect(() => seconds(value)).toThrow(InvalidArgumentError);
  });

  test('rejects below minimum', () => {
    expect(() => seconds('0')).toThrow('Expected a whole number of seconds of 1 or more, got "0".');
  });

  test('names the range', () => {
    expect(() => wholeNumberOption('bytes', 1024, 2048)('4096')).toThrow('from 1024 to 2048');
  });
});

describe('timeZoneOption', () => {
  test('accepts IANA name', () => {
    expect(timeZoneOption('Europe/Berlin')).toBe('Europe/Berlin');
  });

  test('rejects Invalid/Zone', () => {
    expect(() => timeZoneOption('Invalid/Zone')).toThrow('invalid time zone "Invalid/Zone"');
  });
});

describe('scan command options', () => {
  test('rejects --window-size abc', async () => {
    expect(await parseError(['--window-size', 'abc', 'events.xml'])).toContain("'--window-size <seconds>'");
  });

  test('explains --window-size abc', async () => {
    expect(await parseError(['--window-size', 'abc', 'events.xml'])).toContain('Expected a whole number of seconds');
  });

  test('rejects --grace -1', async () => {
    expect(await parseError(['--grace=-1', 'events.xml'])).toContain('--grace');
  });

  test('rejects --max-message-bytes 10', async () => {
    expect(await parseError(['--max-message-bytes', '10', 'events.xml'])).toContain('from 1024 to 104857600');
  });

  test('rejects --time-zone Invalid/Zone', async () => {
    expect(await parseError(['--time-zone', 'Invalid/Zone', 'events.xml'])).toContain('invalid time zone');
  });

  test('requires a file', async () => {
    expect(await parseError([])).toContain('missing required argument');
  });

  test('accepts valid options', async () => {
    const args = ['--window-size', '900', '--window-offset', '0', '--grace', '60', '--time-zone', 'UTC', 'a.xml'];
    expect(await parseError(args)).toBeUndefined();
  });
});

describe('scanFiles options', () => {
  const file = writeTempFile('one.xml', [accessEventXml({ time: '2026-01-05T10:00:00.0000000Z', recordId: 1 })]);

  test('default detection exists', () => {
    expect(existsSync(DEFAULT_DETECTION_FILE)).toBe(true);
  });

  test('rejects offset of window size', async () => {
    await expect(scanFiles([file], { windowSize: 3600, windowOffset: 3600 })).rejects.toThrow(
      'invalid window offset 3600: set it from 0 to 3599 seconds',
    );
  });

  test('rejects fractional window size', async () => {
    await expect(scanFiles([file], { windowSize: 1.5 })).rejects.toThrow('invalid window size 1.5');
  });

  test('rejects invalid time zone', async () => {
    await expect(scanFiles([file], { timeZone: 'Invalid/Zone' })).rejects.toThrow('invalid time zone "Invalid/Zone"');
  });

  test('rejects small max message size', async () => {
    await expect(scanFiles([file], { maxMessageBytes: 10 })).rejects.toThrow('invalid maximum message size 10');
  });

  test('reports missing input file', async () => {
    await expect(scanFiles(['/nonexistent/events.xml'])).rejects.toThrow(
      'input file not found: /nonexistent/events.xml',
    );
  });

  test('reports missing detection file', async () => {
    await expect(scanFiles([file], { detectionFile: '/nonexistent/detection.yml' })).rejects.toThrow(
      'cannot read the detection file /nonexistent/detection.yml',
    );
  });

  test('reports invalid exclusion', async () => {
    const exclusions = writeTempFile('exclusions.txt', ['Image="x.exe"']);
    await expect(scanFiles([file], { exclusionsFile: exclusions })).rejects.toThrow('Detection exclusions are invalid');
  });
});

describe('parseExclusions', () => {
  test('skips comments and blank lines', () => {
    expect(parseExclusions('# admin audit\n\n  dest="WKS-01"  \r\n#x\n')).toEqual(['dest="WKS-01"']);
  });
});
