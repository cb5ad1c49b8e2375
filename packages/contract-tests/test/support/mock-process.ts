// The mock as a separate process (its CLI), so the test process measures only the client.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { APP_KEY, APP_SECRET } from './mock.js';

const require = createRequire(import.meta.url);

export async function startMockProcess(args: string[] = []): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const bin = join(dirname(require.resolve('@nimkit/mock/package.json')), 'bin/nim-mock.js');
  const child = spawn(process.execPath, [bin, '--port', '0', '--quiet', '--app-key', APP_KEY, '--app-secret', APP_SECRET, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('mock did not start within 20 s')), 20_000);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`mock exited with ${code}`)));
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
