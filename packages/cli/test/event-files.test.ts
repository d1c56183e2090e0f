import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readEventFiles } from '../src/commands/event-files';

const dir = mkdtempSync(path.join(os.tmpdir(), 'riskstream-files-'));

async function readAll(file: string, onNoEvents?: (path: string) => void): Promise<string[]> {
  const events: string[] = [];
  for await (const { xml } of readEventFiles([file], { onNoEvents })) events.push(xml);
  return events;
}

test('UTF-16 file is rejected with the fix', async () => {
  const file = path.join(dir, 'export-utf16.xml');
  writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<Event></Event>', 'utf16le')]));

  await expect(readAll(file)).rejects.toThrow(/is UTF-16 text; convert it to UTF-8/);
});

test('file without events is reported', async () => {
  const file = path.join(dir, 'notes.txt');
  writeFileSync(file, 'not event XML\n');
  const reported: string[] = [];

  const events = await readAll(file, (name) => reported.push(name));

  expect(events).toEqual([]);
  expect(reported).toEqual([file]);
});

test('empty file is not reported', async () => {
  const file = path.join(dir, 'empty.xml');
  writeFileSync(file, '');
  const reported: string[] = [];

  await readAll(file, (name) => reported.push(name));

  expect(reported).toEqual([]);
});
