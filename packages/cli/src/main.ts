import { existsSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { replayFiles } from './commands/replay';
import { createScanCommand } from './commands/scan-command';
import { createRunCommand } from './run/run-command';

function positiveInteger(name: string) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value))
      throw new InvalidArgumentError(`${name} must be a whole number of 0 or more, got ${JSON.stringify(value)}`);
    return parsed;
  };
}

function brokerList(value: string): string[] {
  return value
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
}

const program = new Command()
  .name('riskstream')
  .description('Tools for the riskstream detection pipeline.')
  .showHelpAfterError();

program
  .command('replay')
  .description('Publish Windows event XML files to the raw topic, one Kafka message per event.')
  .argument('<files...>', 'files with one event per line, or pretty-printed events')
  .option('--brokers <list>', 'Kafka bootstrap servers, host:port[,host:port] (default: $KAFKA_BROKERS)', brokerList)
  .option('--topic <name>', 'topic to publish to', process.env.RAW_TOPIC ?? 'sysmon-raw')
  .option(
    '--rate <events>',
    'events per second; 0 publishes as fast as the broker accepts',
    positiveInteger('--rate'),
    0,
  )
  .option('--rebase-time', 'shift every event time by whole seconds so the newest event is now', false)
  .option('--batch-size <events>', 'events per produce request', positiveInteger('--batch-size'), 500)
  .option('--no-progress', 'do not draw a progress bar')
  .action(
    async (
      files: string[],
      options: {
        brokers?: string[];
        topic: string;
        rate: number;
        rebaseTime: boolean;
        batchSize: number;
        progress: boolean;
      },
    ) => {
      const missing = files.filter((file) => !existsSync(file));
      if (missing.length > 0) program.error(`error: file not found: ${missing.join(', ')}`);
      const brokers = options.brokers ?? brokerList(process.env.KAFKA_BROKERS ?? '');
      if (brokers.length === 0) program.error('error: no Kafka brokers: pass --brokers host:port or set KAFKA_BROKERS');
      const summary = await replayFiles(files, {
        ...options,
        brokers,
        batchSize: Math.max(1, options.batchSize),
        progress: options.progress && process.stderr.isTTY,
        nowMs: Date.now(),
      });
      process.stderr.write(
        `replayed ${summary.events} events to ${options.topic} (times shifted by ${summary.shiftSeconds} s)\n`,
      );
    },
  );

program.addCommand(createScanCommand());
program.addCommand(createRunCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`riskstream: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
