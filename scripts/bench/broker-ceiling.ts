// Measures what the broker alone sustains with Kafka's own Java tools (kafka-tools 4.1.1), so the
// pipeline's rate can be read as a fraction of it.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repositoryRoot } from '../../packages/cli/src/run/servers';

const run = promisify(execFile);

export interface CeilingResult {
  records: number;
  producerRecordsPerSecond: number;
  producerMegabytesPerSecond: number;
  producerP99Ms: number;
  /** ConsumerPerformance's fetch.nMsg.sec and fetch.MB.sec, which leave out the time the consumer group took to join. */
  consumerRecordsPerSecond: number;
  consumerMegabytesPerSecond: number;
}

export interface CeilingRequest {
  brokers: string;
  topic: string;
  groupId: string;
  records: number;
  /** File with one payload per line, from which ProducerPerformance sends randomly chosen lines. */
  payloadFile: string;
}

/** Runs ProducerPerformance and then ConsumerPerformance on `topic`, which must exist. */
export async function measureBrokerCeiling(request: CeilingRequest): Promise<CeilingResult> {
  const producerOutput = await runKafkaClass('org.apache.kafka.tools.ProducerPerformance', [
    ...['--topic', request.topic, '--num-records', String(request.records), '--throughput', '-1'],
    ...['--payload-file', request.payloadFile, '--producer-props', `bootstrap.servers=${request.brokers}`],
  ]);
  const consumerOutput = await runKafkaClass('org.apache.kafka.tools.ConsumerPerformance', [
    ...['--bootstrap-server', request.brokers, '--topic', request.topic, '--group', request.groupId],
    ...['--messages', String(request.records), '--timeout', '30000'],
  ]);
  return { records: request.records, ...parseProducerOutput(producerOutput), ...parseConsumerOutput(consumerOutput) };
}

async function runKafkaClass(className: string, args: string[]): Promise<string> {
  const script = path.join(repositoryRoot, 'scripts', 'stack.sh');
  try {
    const { stdout } = await run('bash', [script, 'kafka-class', className, ...args], {
      maxBuffer: 64 * 1024 * 1024,
      timeout: 600_000,
    });
    return stdout;
  } catch (error) {
    const { stderr = '', message } = error as { stderr?: string; message: string };
    throw new Error(`${className} failed: ${message}\n${stderr.slice(-2000)}`, { cause: error });
  }
}

/** Reads the summary line, e.g. `200000 records sent, 85178.9 records/sec (109.43 MB/sec), ... 408 ms 99th, ...`. */
function parseProducerOutput(
  output: string,
): Pick<CeilingResult, 'producerRecordsPerSecond' | 'producerMegabytesPerSecond' | 'producerP99Ms'> {
  const summary = output
    .trim()
    .split('\n')
    .reverse()
    .find((line) => line.includes(' 99th'));
  const match = summary && /records\/sec \(([\d.]+) MB\/sec\).* (\d+) ms 99th/.exec(summary);
  const perSecond = summary && /([\d.]+) records\/sec/.exec(summary);
  if (!match || !perSecond) throw new Error(`ProducerPerformance printed no summary line; its output was:\n${output}`);
  return {
    producerRecordsPerSecond: Number(perSecond[1]),
    producerMegabytesPerSecond: Number(match[1]),
    producerP99Ms: Number(match[2]),
  };
}

/** Reads the CSV that ConsumerPerformance prints: a header line, then one line of values. */
function parseConsumerOutput(
  output: string,
): Pick<CeilingResult, 'consumerRecordsPerSecond' | 'consumerMegabytesPerSecond'> {
  const lines = output.trim().split('\n');
  const headerIndex = lines.findIndex((line) => line.includes('fetch.nMsg.sec'));
  const header = lines[headerIndex]?.split(',').map((name) => name.trim()) ?? [];
  const values = lines[headerIndex + 1]?.split(',').map((value) => value.trim()) ?? [];
  const column = (name: string) => {
    const value = Number(values[header.indexOf(name)]);
    if (!header.includes(name) || !Number.isFinite(value))
      throw new Error(`ConsumerPerformance printed no ${name} value; its output was:\n${output}`);
    return value;
  };
  return { consumerRecordsPerSecond: column('fetch.nMsg.sec'), consumerMegabytesPerSecond: column('fetch.MB.sec') };
}
