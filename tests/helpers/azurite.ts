import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Azurite's documented development account: public, the same in every installation. */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const blobMain = path.join(path.dirname(createRequire(import.meta.url).resolve('azurite/package.json')), 'dist', 'src', 'blob', 'main.js');

export interface Azurite {
  readonly port: number;
  /** The connection string for this Azurite, on 127.0.0.1 (the only host the tests' nock lets through). */
  readonly connectionString: string;
  /** Ends the emulator (a storage outage); its in-memory blobs are gone. */
  readonly stop: () => Promise<void>;
  /** Starts it again on the same port, empty. */
  readonly restart: () => Promise<void>;
  /** Stops it for good and removes its folder (afterAll). */
  readonly close: () => Promise<void>;
}

/**
 * The Azure Blob Storage emulator as a child process on a free loopback port, in memory, in a
 * temp folder of its own. Stop it in afterAll.
 */
export async function startAzurite(): Promise<Azurite> {
  const dir = mkdtempSync(path.join(tmpdir(), 'azurite-'));
  let child: ChildProcess | undefined;
  let port = 0;

  const launch = async (): Promise<void> => {
    const args = ['--inMemoryPersistence', '--extentMemoryLimit', '64', '--disableTelemetry', '--skipApiVersionCheck', '--blobHost', '127.0.0.1', '--blobPort', String(port)];
    const started = spawn(process.execPath, [blobMain, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    port = await new Promise<number>((resolve, reject) => {
      let output = '';
      const read = (chunk: Buffer): void => {
        output += chunk.toString();
        const listening = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (listening?.[1]) resolve(Number(listening[1]));
      };
      started.stdout?.on('data', read);
      started.stderr?.on('data', read);
      started.once('error', reject);
      started.once('exit', (code) => {
        reject(new Error(`Azurite exited (${String(code)}) before listening: ${output}`));
      });
    });
  };

  const stop = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => {
        resolve();
      });
      running.kill('SIGKILL');
    });
  };

  await launch();
  return {
    port,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`,
    stop,
    restart: async () => {
      await stop();
      await launch();
    },
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
