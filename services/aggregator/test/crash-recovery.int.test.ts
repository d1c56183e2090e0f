import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { RiskEvent, WindowsEvent } from '@riskstream/core';
import { processAccessXml, readTopic, repositoryRoot, systemTimeOf } from '@riskstream/testing';
import { AggregatorHarness, parseEvent, readConfig, riskEvents } from './aggregator-harness';

const harness = new AggregatorHarness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

const eventCount = 20_000;
const hosts = 8;
const targets = ['net.exe', 'whoami.exe', 'cmd.exe', 'powershell.exe', 'svchost.exe'];

/** Old data over six hours from 06:00, so seven windows starting at :50, with 40 host and target pairs each. */
function generateEvents(): WindowsEvent[] {
  const startMs = Date.UTC(2021, 4, 3, 6, 0);
  return Array.from({ length: eventCount }, (_, index) =>
    parseEvent(
      processAccessXml({
        recordId: 10_000 + index,
        systemTime: systemTimeOf(startMs + Math.floor((index * 6 * 3600_000) / eventCount)),
        computer: `ws-${index % hosts}.corp.example`,
        targetImage: `C:\\Windows\\System32\\${targets[index % targets.length] ?? ''}`,
      }),
    ),
  );
}

function startChild(environment: NodeJS.ProcessEnv): ChildProcess {
  const tsx = path.join(repositoryRoot, 'node_modules', '.bin', 'tsx');
  const main = path.join(repositoryRoot, 'services', 'aggregator', 'src', 'main.ts');
  return spawn(tsx, [main], {
    env: { ...process.env, ...environment, HTTP_PORT: '0', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
}

async function committedOffsets(groupId: string, topic: string): Promise<number> {
  const admin = harness.kafka.admin();
  await admin.connect();
  try {
    const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return (entry?.partitions ?? []).reduce((sum, partition) => sum + Math.max(0, Number(partition.offset)), 0);
  } finally {
    await admin.disconnect();
  }
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function byId(events: RiskEvent[]): Map<string, RiskEvent> {
  const map = new Map<string, RiskEvent>();
  for (const event of events) {
    const earlier = map.get(event.id);
    // A window re-published after the crash must carry the same content under the same id.
    if (earlier) expect(event).toEqual(earlier);
    map.set(event.id, event);
  }
  return map;
}

test('SIGKILL mid-stream then restart gives the same risk events', async () => {
  const events = generateEvents();
  const groups = 7 * hosts * targets.length;
  const clean = harness.environment({ IDLE_TIMEOUT_MS: '2000', CHUNK_SIZE: '100' });
  const crash = harness.environment({ IDLE_TIMEOUT_MS: '2000', CHUNK_SIZE: '100' });
  const crashTopic = crash.MATCHES_TOPIC as string;
  const crashGroup = crash.AGGREGATOR_GROUP_ID as string;
  await harness.start(readConfig(clean));
  await harness.sendMatches(clean.MATCHES_TOPIC as string, events);
  const reference = byId(
    riskEvents(await readTopic(harness.kafka, clean.RISK_EVENTS_TOPIC as string, groups, { settleMs: 3000 })),
  );

  const first = startChild(crash);
  await harness.sendMatches(crashTopic, events);
  await waitFor(async () => (await committedOffsets(crashGroup, crashTopic)) > eventCount / 4, 60_000);
  first.kill('SIGKILL');
  await new Promise((resolve) => first.once('exit', resolve));
  const committedAtKill = await committedOffsets(crashGroup, crashTopic);
  const second = startChild(crash);
  try {
    const recovered = byId(
      riskEvents(
        await readTopic(harness.kafka, crash.RISK_EVENTS_TOPIC as string, groups, {
          settleMs: 3000,
          timeoutMs: 120_000,
        }),
      ),
    );

    expect(committedAtKill).toBeLessThan(eventCount);
    expect(reference.size).toBe(groups);
    expect([...recovered.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [id, event] of reference) expect(recovered.get(id)).toEqual(event);
  } finally {
    second.kill('SIGKILL');
  }
});
