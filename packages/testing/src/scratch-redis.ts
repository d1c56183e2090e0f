import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A private redis-server process for tests that must stop or kill Redis, which they cannot do
 * to the shared server. It persists to an append-only file fsynced on every write.
 */
export class ScratchRedis {
  private process: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    readonly dataDir: string,
  ) {}

  static async create(): Promise<ScratchRedis> {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'riskstream-redis-'));
    return new ScratchRedis(await freePort(), dataDir);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  async start(): Promise<void> {
    const args = ['--bind', '127.0.0.1', '--port', String(this.port), '--dir', this.dataDir];
    args.push('--appendonly', 'yes', '--appendfsync', 'always', '--save', '');
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.process = child;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) resolve();
      };
      child.stdout?.on('data', onData);
      child.on('error', (error) =>
        reject(new Error('redis-server failed to start; install it or run `npm run stack:up`', { cause: error })),
      );
      child.on('exit', (code) =>
        reject(new Error(`redis-server exited with code ${code} before it was ready: ${output}`)),
      );
    });
  }

  /** Stops the server with `signal`; SIGKILL skips Redis's shutdown, so only the AOF can keep data. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
    this.process = undefined;
  }

  async destroy(): Promise<void> {
    await this.stop('SIGKILL');
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('could not read the port of a free 127.0.0.1 socket')),
      );
    });
  });
}
