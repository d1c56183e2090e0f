import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Seconds of load, ignored when `events` is set. */
  durationSeconds: number;
  /** Total raw events to send, or undefined to run for `durationSeconds`. */
  events: number | undefined;
  /** Raw events per second, where 0 sends as fast as the pipeline keeps up within `maxBacklog`. */
  rate: number;
  /** Fraction of raw events that the detection matches. */
  matchRatio: number;
  partitions: number;
  /** Seconds at the start of the load left out of every measurement. */
  warmupSeconds: number;
  /** Raw events sent but not yet read by the detector, above which the load pauses. */
  maxBacklog: number;
  /** Records for ProducerPerformance and ConsumerPerformance, where 0 skips the broker ceiling. */
  ceilingRecords: number;
  /** Seconds to wait after the load for every stage to finish its input. */
  drainTimeoutSeconds: number;
  seed: number;
}

export const usage = `Usage: npm run bench -- [options]   (each option also reads the environment variable shown)

  --duration SECONDS        load duration, default 60 (BENCH_DURATION_SECONDS)
  --events N                send N raw events instead of running for a duration (BENCH_EVENTS)
  --rate N                  raw events per second; 0 = as fast as the pipeline keeps up, default 0 (BENCH_RATE)
  --match-ratio R           fraction of events that match the detection, default 0.05 (BENCH_MATCH_RATIO)
  --partitions N            partitions of every topic of the run, default 3 (BENCH_PARTITIONS)
  --warmup SECONDS          start of the load left out of the measurements, default 5 (BENCH_WARMUP_SECONDS)
  --max-backlog N           events sent but not yet detected above which the load pauses, default 10000 (BENCH_MAX_BACKLOG)
  --ceiling-records N       records for Kafka's ProducerPerformance and ConsumerPerformance; 0 skips them,
                            default 200000 (BENCH_CEILING_RECORDS)
  --drain-timeout SECONDS   wait after the load for the stages to finish, default 300 (BENCH_DRAIN_TIMEOUT_SECONDS)
  --seed N                  seed of the event generator, default 1 (BENCH_SEED)
  --help                    print this text
`;

const flags = {
  duration: { env: 'BENCH_DURATION_SECONDS', fallback: 60, min: 1, max: 86_400, integer: false },
  events: { env: 'BENCH_EVENTS', fallback: 0, min: 0, max: 1e9, integer: true },
  rate: { env: 'BENCH_RATE', fallback: 0, min: 0, max: 1e7, integer: false },
  'match-ratio': { env: 'BENCH_MATCH_RATIO', fallback: 0.05, min: 0.000_1, max: 1, integer: false },
  partitions: { env: 'BENCH_PARTITIONS', fallback: 3, min: 1, max: 1000, integer: true },
  warmup: { env: 'BENCH_WARMUP_SECONDS', fallback: 5, min: 0, max: 3600, integer: false },
  'max-backlog': { env: 'BENCH_MAX_BACKLOG', fallback: 10_000, min: 100, max: 1e8, integer: true },
  'ceiling-records': { env: 'BENCH_CEILING_RECORDS', fallback: 200_000, min: 0, max: 1e9, integer: true },
  'drain-timeout': { env: 'BENCH_DRAIN_TIMEOUT_SECONDS', fallback: 300, min: 1, max: 86_400, integer: false },
  seed: { env: 'BENCH_SEED', fallback: 1, min: 0, max: 2 ** 32 - 1, integer: true },
} as const;

type FlagName = keyof typeof flags;

/** Reads the options from argv, then from the environment. Throws an error that names a bad value and its range. */
export function readBenchOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  const parsed = parseCommandLine(argv);
  // parseArgs cannot type options built from `flags`, so the values are read by name.
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help === true) return 'help';
  const value = (name: FlagName): number => readNumber(name, values[name], env);
  const events = value('events');
  const options: BenchOptions = {
    durationSeconds: value('duration'),
    events: events > 0 ? events : undefined,
    rate: value('rate'),
    matchRatio: value('match-ratio'),
    partitions: value('partitions'),
    warmupSeconds: value('warmup'),
    maxBacklog: value('max-backlog'),
    ceilingRecords: value('ceiling-records'),
    drainTimeoutSeconds: value('drain-timeout'),
    seed: value('seed'),
  };
  if (options.events === undefined && options.warmupSeconds >= options.durationSeconds)
    throw new Error(
      `--warmup ${options.warmupSeconds} leaves nothing to measure in --duration ${options.durationSeconds}: ` +
        'make the duration longer than the warm-up',
    );
  return options;
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        ...Object.fromEntries(Object.keys(flags).map((name) => [name, { type: 'string' as const }])),
        help: { type: 'boolean' },
      },
      strict: true,
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}. Run with --help to list the options`, { cause: error });
  }
}

function readNumber(name: FlagName, argvValue: unknown, env: NodeJS.ProcessEnv): number {
  const flag = flags[name];
  const text = typeof argvValue === 'string' ? argvValue : env[flag.env];
  if (text === undefined || text.trim() === '') return flag.fallback;
  const number = Number(text);
  const kind = flag.integer ? 'an integer' : 'a number';
  if (!Number.isFinite(number) || number < flag.min || number > flag.max || (flag.integer && !Number.isInteger(number)))
    throw new Error(
      `invalid --${name} (${flag.env}) ${JSON.stringify(text)}: expected ${kind} from ${flag.min} to ${flag.max}`,
    );
  return number;
}
