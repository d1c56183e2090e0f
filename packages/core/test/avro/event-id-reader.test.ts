import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createWindowsEventCodec, EventIdReader } from '../../src/avro';
import { normalizeEventXml } from '../../src/xml';

const schema: unknown = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../../schemas/windows-event.avsc'), 'utf8'),
);
const codec = createWindowsEventCodec(schema);
const reader = new EventIdReader(codec.registry);
const xml =
  "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon'/>" +
  "<EventID>10</EventID><Computer>ws-1</Computer></System><EventData><Data Name='GrantedAccess'>0x1478</Data></EventData></Event>";

test('EventIdReader reads the EventID', () => {
  const message = codec.encoder.encode(normalizeEventXml(xml, { maxBytes: 65_536 })[0]!);

  expect(reader.read(message)).toBe(10);
});

test('EventIdReader skips unknown fingerprints', () => {
  const message = Buffer.from(codec.encoder.encode(normalizeEventXml(xml, { maxBytes: 65_536 })[0]!));
  message[2] = (message[2] ?? 0) ^ 0xff;

  expect(reader.read(message)).toBeUndefined();
});

test('EventIdReader skips non-Avro bytes', () => {
  expect(reader.read(Buffer.from('<Event/>'))).toBeUndefined();
});
