import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { wholeNumberOption } from '../commands/scan-options';
import { PipelineRun, type RunSummary } from './pipeline-run';
import { repositoryRoot } from './servers';

const sampleFile = path.join(repositoryRoot, 'samples', 'sysmon-sample.xml');

function formatSummary(summary: RunSummary): string {
  const value = (name: string) => summary.metrics[name] ?? 0;
  const deadLettered = Object.entries(summary.metrics)
    .filter(([name]) => name.startsWith('riskstream_ingest_dead_lettered_total'))
    .map(([name, count]) => `${/reason="([^"]+)"/.exec(name)?.[1] ?? '?'} ${count}`);
  const rows: Array<[string, string | number]> = [
    ['events replayed', summary.replayed],
    ['raw messages read', value('riskstream_ingest_records_in_total')],
    ['events normalized', value('riskstream_ingest_events_out_total')],
    ['dead-lettered', `${deadLettered.length ? deadLettered.join(', ') : 0}`],
    ['matched', value('riskstream_detector_matched_total')],
    ['counted in windows', value('riskstream_aggregator_counted_total')],
    ['duplicates skipped', value('riskstream_aggregator_duplicates_skipped_total')],
    ['missing by-field', droppedByField(summary)],
    ['late', value('riskstream_aggregator_late_total')],
    ['windows closed', value('riskstream_aggregator_window_close_lag_seconds_count')],
    ['risk events', value('riskstream_aggregator_risk_events_published_total')],
  ];
  return ['summary', ...rows.map(([label, count]) => `  ${label.padEnd(20)} ${count}`)].join('\n');
}

/** Events dropped because a by-field was absent or empty, as stats by drops them, by field. */
function droppedByField(summary: RunSummary): string {
  const entries = Object.entries(summary.metrics)
    .filter(([name]) => name.startsWith('riskstream_aggregator_dropped_missing_field_total'))
    .map(([name, count]) => `${/field="([^"]+)"/.exec(name)?.[1] ?? '?'} ${count}`);
  return entries.length > 0 ? entries.join(', ') : '0';
}

/** `riskstream run`: the main job, on the sample data or on the user's files. */
export function createRunCommand(): Command {
  return new Command('run')
    .description(
      'Start Kafka and Redis if needed, run the three services, replay event files and print the risk events.',
    )
    .option('--input <files...>', 'Windows event XML files to replay (default: the sample dataset)')
    .option(
      '--partitions <count>',
      'partitions of each topic this run creates',
      wholeNumberOption('--partitions', 1, 1000),
      3,
    )
    .option(
      '--idle-timeout <ms>',
      'quiet time after which the last windows close',
      wholeNumberOption('--idle-timeout', 100),
      3000,
    )
    .option(
      '--timeout <ms>',
      'give up when the pipeline has not finished by then',
      wholeNumberOption('--timeout', 1000),
      300_000,
    )
    .option('--keep', "keep the run's topics and Redis keys instead of deleting them at the end", false)
    .action(
      async (options: {
        input?: string[];
        partitions: number;
        idleTimeout: number;
        timeout: number;
        keep: boolean;
      }) => {
        const inputs = options.input ?? [sampleFile];
        const missing = inputs.filter((file) => !existsSync(file));
        if (missing.length > 0) throw new Error(`input file not found: ${missing.join(', ')}`);
        const print = (line: string) => process.stdout.write(`${line}\n`);
        const run = new PipelineRun({
          inputs,
          partitions: options.partitions,
          idleTimeoutMs: options.idleTimeout,
          timeoutMs: options.timeout,
          keep: options.keep,
          print,
        });
        process.once('SIGINT', () => {
          print('interrupted: stopping the services');
          void run.stop().then(() => process.exit(130));
        });
        try {
          print(formatSummary(await run.run()));
        } finally {
          await run.stop();
        }
      },
    );
}
