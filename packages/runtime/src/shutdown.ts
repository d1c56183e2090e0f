import type { Logger } from './logger';

export interface ShutdownStep {
  name: string;
  run: () => Promise<void>;
}

/**
 * Runs the steps in order on SIGTERM or SIGINT (stop fetching, drain, commit, flush, close), then
 * exits. A step that fails is logged and the rest still run. The whole sequence is bounded by
 * `timeoutMs`, after which the process exits with status 1.
 */
export function installShutdown(logger: Logger, steps: ShutdownStep[], timeoutMs = 30_000): () => Promise<void> {
  let running: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    running ??= runSteps(logger, steps);
    return running;
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutdown requested');
      const timer = setTimeout(() => {
        logger.error({ timeoutMs }, 'shutdown timed out; exiting');
        process.exit(1);
      }, timeoutMs);
      timer.unref();
      void shutdown().then(() => process.exit(0));
    });
  }
  return shutdown;
}

async function runSteps(logger: Logger, steps: ShutdownStep[]): Promise<void> {
  for (const step of steps) {
    try {
      await step.run();
      logger.info({ step: step.name }, 'shutdown step done');
    } catch (error) {
      logger.error({ err: error, step: step.name }, 'shutdown step failed');
    }
  }
}
