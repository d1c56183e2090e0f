import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';
import type { ScratchRedis } from './scratch-redis';

/** A scratch Redis run as a local redis-server process. */
export class ProcessScratchRedis implements ScratchRedis {
  private process: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    readonly dataDir: string,
  ) {}

  static async create(): Promise<ProcessScratchRedis> {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'riskstream-redis-'));
    return new ProcessScratchRedis(await freePort(), dataDir);
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
