import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from './servers';

export type ServiceName = 'ingest' | 'detector' | 'aggregator';

/** One service running as a child process, with its logs in a file. */
export class ServiceProcess {
  private constructor(
    readonly name: ServiceName,
    readonly httpPort: number,
    readonly logFile: string,
    private readonly child: ChildProcess,
  ) {}

  static start(name: ServiceName, httpPort: number, env: NodeJS.ProcessEnv, logDirectory: string): ServiceProcess {
    const main = path.join(repositoryRoot, 'services', name, 'dist', 'main.js');
    mkdirSync(logDirectory, { recursive: true });
    const logFile = path.join(logDirectory, `${name}.log`);
    const log = createWriteStream(logFile);
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, ...env, HTTP_HOST: '127.0.0.1', HTTP_PORT: String(httpPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    return new ServiceProcess(name, httpPort, logFile, child);
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Waits until /readyz returns 200. Fails when the process exits first or `timeoutMs` passes. */
  async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`${this.name} exited during start-up; see ${this.logFile}`);
      const response = await fetch(`http://127.0.0.1:${this.httpPort}/readyz`).catch(() => undefined);
      if (response?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${this.name} was not ready within ${timeoutMs} ms; see ${this.logFile}`);
  }

  /** Reads the service's Prometheus metrics as name{labels} -> value. */
  async metrics(): Promise<Map<string, number>> {
    let text: string;
    try {
      text = await (await fetch(`http://127.0.0.1:${this.httpPort}/metrics`)).text();
    } catch (error) {
      throw new Error(`cannot read the metrics of ${this.name} on port ${this.httpPort}; see ${this.logFile}`, {
        cause: error,
      });
    }
    const values = new Map<string, number>();
    for (const line of text.split('\n')) {
      const match = /^([a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
      if (match?.[1] && match[2])
        values.set(match[1].replace(/,?service="[^"]*"/, '').replace('{}', ''), Number(match[2]));
    }
    return values;
  }

  /** Sends SIGTERM and waits for the graceful shutdown, then SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 15_000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }
}
