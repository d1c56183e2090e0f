/**
 * Measures the pure ingest path on one core: XML bytes -> WindowsEvent -> Avro single-object
 * message, over every line of the shared Sysmon datasets held in memory.
 *
 * Run from the repository root: npm run bench:ingest -- [seconds]   (default 5 seconds)
 * The last line is `ingest: N events/s`, counted per second of CPU time used by this process
 * (all its threads, so garbage-collector threads count against it). On a shared machine wall time
 * also includes time spent waiting for a core, so CPU time is the per-core figure.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { createWindowsEventCodec } from '../src/avro';
import { extractXml } from '../src/envelope';
import { parseEventXml } from '../src/xml';

const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
const WARMUP_SECONDS = 1;

function loadMessages(datasetDir: string): Buffer[] {
  const messages: Buffer[] = [];
  for (const file of fs
    .readdirSync(datasetDir)
    .filter((name) => name.endsWith('.xml'))
    .sort()) {
    for (const line of fs.readFileSync(path.join(datasetDir, file), 'utf8').split('\n')) {
      if (line.length > 0) {
        messages.push(Buffer.from(line, 'utf8'));
      }
    }
  }
  return messages;
}

interface RunTotals {
  events: number;
  bytesIn: number;
  bytesOut: number;
  fallbacks: number;
  wallSeconds: number;
  cpuSeconds: number;
}

function run(messages: Buffer[], seconds: number, encode: (xml: Buffer) => [number, number, boolean]): RunTotals {
  const totals: RunTotals = { events: 0, bytesIn: 0, bytesOut: 0, fallbacks: 0, wallSeconds: 0, cpuSeconds: 0 };
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  for (let round = 0; process.hrtime.bigint() < deadline; round++) {
    for (const message of messages) {
      const [events, bytesOut, fellBack] = encode(message);
      totals.events += events;
      totals.bytesIn += message.length;
      totals.bytesOut += bytesOut;
      totals.fallbacks += fellBack ? 1 : 0;
    }
  }
  totals.wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  totals.cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return totals;
}

function formatReport(totals: RunTotals, messageCount: number): string {
  const perCpuSecond = (count: number): number => count / totals.cpuSeconds;
  const perWallSecond = (count: number): number => count / totals.wallSeconds;
  const rates = (perSecond: (count: number) => number): string =>
    `${Math.round(perSecond(totals.events))} events/s, ${(perSecond(totals.bytesIn) / 1e6).toFixed(1)} MB/s`;
  const durations = `${totals.wallSeconds.toFixed(2)} s wall, ${totals.cpuSeconds.toFixed(2)} s CPU`;
  const lines = [
    `messages in memory: ${messageCount} (${(totals.bytesIn / totals.events).toFixed(0)} bytes of XML per event)`,
    `measured: ${totals.events} events in ${durations}, after ${WARMUP_SECONDS} s warm-up`,
    `wall time: ${rates(perWallSecond)}`,
    `CPU time: ${rates(perCpuSecond)}`,
    `Avro out: ${(totals.bytesOut / totals.events).toFixed(0)} bytes/event; saxes fallbacks: ${totals.fallbacks}`,
    `ingest: ${Math.round(perCpuSecond(totals.events))} events/s`,
  ];
  return `${lines.join('\n')}\n`;
}

function main(): void {
  const repoRoot = path.resolve(__dirname, '../../..');
  const datasetDir = path.resolve(repoRoot, '../shared/datasets/sysmon');
  if (!fs.existsSync(datasetDir)) {
    throw new Error(`shared Sysmon datasets not found at ${datasetDir}; the benchmark replays them from there`);
  }
  const seconds = Number(process.argv[2] ?? '5');
  const readSchema = (name: string): unknown =>
    JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', name), 'utf8'));
  const { encoder } = createWindowsEventCodec(readSchema('windows-event.avsc'));
  const messages = loadMessages(datasetDir);
  const encode = (bytes: Buffer): [number, number, boolean] => {
    const result = parseEventXml(extractXml(bytes), { maxBytes: MAX_MESSAGE_BYTES });
    let bytesOut = 0;
    for (const event of result.events) {
      bytesOut += encoder.encode(event).length;
    }
    return [result.events.length, bytesOut, result.parser === 'saxes'];
  };
  run(messages, WARMUP_SECONDS, encode);
  process.stdout.write(formatReport(run(messages, seconds, encode), messages.length));
}

main();
