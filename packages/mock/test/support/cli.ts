// The CLI as a real child process, started the way `npx nim-mock` starts it: through the installed bin link.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const installedBin = fileURLToPath(new URL('../../../../node_modules/.bin/nim-mock', import.meta.url));
const packageBin = fileURLToPath(new URL('../../bin/nim-mock.js', import.meta.url));
/** The npm-installed link when the workspace has one (what npx runs), else the package's own file. */
export const BIN = existsSync(installedBin) ? installedBin : packageBin;

const START_TIMEOUT_MS = 30_000;
const EXIT_TIMEOUT_MS = 15_000;

export interface CliRun {
  child: ChildProcess;
  url: string;
  /** Everything written to stdout so far. */
  stdout(): string;
  stderr(): string;
  /** Sends the signal and resolves to the exit code (null when killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs nim-mock to completion (for --help, bad flags ...). */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`nim-mock ${args.join(' ')} did not exit within ${EXIT_TIMEOUT_MS} ms`));
    }, EXIT_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts nim-mock and resolves once it prints the URL it listens on. */
export function startCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const child = spawn(BIN, ['--port', '0', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`nim-mock did not start within ${START_TIMEOUT_MS} ms: ${err}`));
    }, START_TIMEOUT_MS);
    const onData = () => {
      const match = /listening on (\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({
        child,
        url: match[1]!,
        stdout: () => out,
        stderr: () => err,
        stop: async (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          const killer = setTimeout(() => child.kill('SIGKILL'), EXIT_TIMEOUT_MS);
          const code = await exited;
          clearTimeout(killer);
          return code;
        },
      });
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`nim-mock exited with ${code} before listening: ${err}`));
    });
  });
}

/** Polls until `check` holds, bounded in count and time. */
export async function eventually(check: () => boolean, { tries = 100, everyMs = 50 } = {}): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error('condition not met in time');
}
