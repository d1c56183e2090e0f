import { Command } from 'commander';
import { serializeRiskEventJson } from '@riskstream/core';
import { scanFiles } from './scan';
import {
  DEFAULT_MAX_MESSAGE_BYTES,
  MAX_MAX_MESSAGE_BYTES,
  MIN_MAX_MESSAGE_BYTES,
  type ScanOptions,
} from './scan-setup';
import { timeZoneOption, wholeNumberOption } from './scan-options';
import { formatScanSummary } from './scan-summary';

/** The options as commander names them, which differ from ScanOptions for the two files. */
interface ScanCommandOptions extends Omit<ScanOptions, 'detectionFile' | 'exclusionsFile'> {
  detection?: string;
  exclusions?: string;
}

/** Creates the `scan` command: risk events as JSON lines on stdout, the summary on stderr. */
export function createScanCommand(): Command {
  return new Command('scan')
    .description(
      'Run the detection over event files in one process, with no Kafka or Redis, and print the risk events ' +
        'as JSON lines, ordered by window start and group. A summary of the counts goes to stderr.',
    )
    .argument('<files...>', 'files with one event per line, or pretty-printed events')
    .option('--detection <file>', 'detection YAML file (default: detections/wmi-impersonate-token.yml)')
    .option(
      '--window-size <seconds>',
      "window length (default: the detection's window.size)",
      wholeNumberOption('seconds', 1),
    )
    .option(
      '--window-offset <seconds>',
      "seconds past each multiple of the window size at which windows start (default: the detection's window.offset)",
      wholeNumberOption('seconds', 0),
    )
    .option(
      '--grace <seconds>',
      "seconds after a window's end during which it still accepts events (default: the detection's window.grace)",
      wholeNumberOption('seconds', 0),
    )
    .option('--time-zone <zone>', 'IANA time zone of firstTime and lastTime', timeZoneOption, 'UTC')
    .option(
      '--exclusions <file>',
      'file with one exclusion per line, an SPL expression over the by-fields; # starts a comment',
    )
    .option(
      '--max-message-bytes <bytes>',
      'reject events larger than this many UTF-8 bytes, as the ingest service does',
      wholeNumberOption('bytes', MIN_MAX_MESSAGE_BYTES, MAX_MAX_MESSAGE_BYTES),
      DEFAULT_MAX_MESSAGE_BYTES,
    )
    .showHelpAfterError()
    .action(runScan);
}

async function runScan(files: string[], options: ScanCommandOptions): Promise<void> {
  const { detection, exclusions, ...rest } = options;
  const { riskEvents, summary } = await scanFiles(files, {
    ...rest,
    detectionFile: detection,
    exclusionsFile: exclusions,
  });
  const lines = riskEvents.map((event) => `${serializeRiskEventJson(event).toString('utf8')}\n`);
  process.stdout.write(lines.join(''));
  process.stderr.write(formatScanSummary(summary));
}
