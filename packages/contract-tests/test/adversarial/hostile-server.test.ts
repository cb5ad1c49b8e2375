// Suite 6 - a hostile server against the client: endless, huge and gzip-bomb bodies, stalls after the headers, a body dripping
// a byte at a time, non-integer literals at id paths. Every call ends in a typed error within the client's bounds
// (maxResponseBytes, timeoutMs), the body stream is cancelled, the heap stays flat, and nothing is left behind: no
// unhandled rejection, no process warning.
import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNimClient, NimInexactIdError, NimResponseTooLargeError, NimTimeoutError, type NimClientOptions } from '@nimkit/client';
import { eventually, useFaultServer } from '../support/fault-server.js';

const hostile = useFaultServer();
const warnings: Error[] = [];
const onWarning = (w: Error) => warnings.push(w);
const totals = { scenarios: 0, calls: 0, typed: 0, heapBeforeMb: 0, heapAfterMb: 0, endless: 0 };

beforeAll(() => {
  process.on('warning', onWarning);
});
afterAll(() => {
  process.off('warning', onWarning);
  console.log(
    `hostile server: ${totals.scenarios} scenarios, ${totals.calls} calls, ${totals.typed} typed errors within bounds; ` +
      `heap ${totals.heapBeforeMb.toFixed(1)} MB -> ${totals.heapAfterMb.toFixed(1)} MB after ${totals.endless} endless bodies; ` +
      `${hostile.unhandled.length} unhandled rejections, ${warnings.length} warnings`,
  );
});

const client = (options: Partial<NimClientOptions> = {}) =>
  createNimClient({ appKey: 'hostile-key', appSecret: 'hostile-secret', baseUrl: hostile.server.url, retry: false, ...options });
const getServers = (options: Partial<NimClientOptions> = {}) => client(options).qchat.getServers({ serverIds: ['1'] });

/** Runs a call that must fail with `type`; counts it. */
async function fails<T>(call: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  totals.calls++;
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  totals.typed++;
  return error as T;
}

/** Writes JSON-looking chunks as fast as the socket takes them, until the client goes away. */
function endless(res: ServerResponse) {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.write('{"code":200,"serverInfos":[');
  const chunk = '{"serverId":1,"name":"xxxxxxxxxxxxxxxx"},'.repeat(1_600); // about 64 KB
  let open = true;
  res.on('close', () => (open = false));
  const pump = () => {
    while (open && res.write(chunk));
    if (open) res.once('drain', pump);
  };
  pump();
}

const heapMb = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

describe('bodies that never end or are too large', () => {
  it('an endless 200 body: NimResponseTooLargeError at the default 16 MiB, stream cancelled, heap flat', async () => {
    totals.scenarios++;
    hostile.server.use((_req, res) => endless(res));
    await fails(getServers(), NimResponseTooLargeError); // warm-up
    totals.heapBeforeMb = heapMb();
    for (let i = 0; i < 8; i++) {
      const error = await fails(getServers(), NimResponseTooLargeError);
      expect(error.limitBytes).toBe(16 * 1024 * 1024);
      totals.endless++;
    }
    totals.heapAfterMb = heapMb();
    // 8 x 16 MiB read: a leak of what was read would show as > 100 MB.
    expect(totals.heapAfterMb - totals.heapBeforeMb).toBeLessThan(32);
    expect(await eventually(() => hostile.server.abandoned >= 8)).toBe(true); // the server saw each stream cancelled
  });

  it('a declared Content-Length over the bound is refused before reading', async () => {
    totals.scenarios++;
    hostile.server.use((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(10 * 1024 ** 3) });
      res.write('{"code":200,');
    });
    const error = await fails(getServers({ maxResponseBytes: 1024, timeoutMs: 60_000 }), NimResponseTooLargeError);
    expect(error).toMatchObject({ status: 200, attempts: 1 });
  });

  it('a gzip bomb (a small compressed body declaring its compressed length) is bounded by its inflated size', async () => {
    totals.scenarios++;
    const bomb = gzipSync(`{"code":200,"serverInfos":[],"pad":"${' '.repeat(64 * 1024 * 1024)}"}`);
    hostile.server.use((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': bomb.length }).end(bomb));
    const error = await fails(getServers({ maxResponseBytes: 1024 * 1024 }), NimResponseTooLargeError);
    expect(bomb.length).toBeLessThan(1024 * 1024); // the declared length was within the bound
    expect(error.limitBytes).toBe(1024 * 1024);
  });

  it('a small bound with a streamed (chunked) body', async () => {
    totals.scenarios++;
    hostile.server.use((_req, res) => endless(res));
    await fails(getServers({ maxResponseBytes: 100_000 }), NimResponseTooLargeError);
  });
});

describe('stalls', () => {
  it('headers, then nothing: NimTimeoutError, connection cut', async () => {
    totals.scenarios++;
    hostile.server.use((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"code":');
    });
    await fails(getServers({ timeoutMs: 200 }), NimTimeoutError);
    expect(await eventually(() => hostile.server.abandoned === 1)).toBe(true);
  });

  it('a body dripping one byte at a time: NimTimeoutError', async () => {
    totals.scenarios++;
    hostile.server.use((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 20);
      res.on('close', () => clearInterval(timer));
    });
    await fails(getServers({ timeoutMs: 200 }), NimTimeoutError);
  });

  it('20 concurrent stalled calls on one AbortSignal-free client: all time out, no warning', async () => {
    totals.scenarios++;
    hostile.server.use((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).write('{'));
    const nim = client({ timeoutMs: 200 });
    const errors = await Promise.all(Array.from({ length: 20 }, () => fails(nim.qchat.getServers({ serverIds: ['1'] }), NimTimeoutError)));
    expect(errors).toHaveLength(20);
  });
});

describe('invalid literals at id paths', () => {
  it.each(['1.5', '1e3', '1E+3', '1e400', '-1.0', '9223372036854775807.0'])('serverId %s: NimInexactIdError naming the field', async (literal) => {
    totals.scenarios++;
    hostile.server.use((_req, res) => res.end(`{"code":200,"serverInfos":[{"serverId":7},{"serverId":${literal},"name":"n"}]}`));
    const error = await fails(getServers(), NimInexactIdError);
    expect(error.field).toBe('serverInfos[1].serverId');
  });

  it('fractions outside id paths pass; exact ids above 2^53 stay exact', async () => {
    totals.scenarios++;
    hostile.server.use((_req, res) => res.end('{"code":200,"serverInfos":[{"serverId":9223372036854775807,"score":1.5e3}]}'));
    totals.calls++;
    await expect(getServers()).resolves.toEqual({ code: 200, serverInfos: [{ serverId: '9223372036854775807', score: 1500 }] });
  });
});

describe('nothing left behind', () => {
  it('no unhandled rejection and no process warning', async () => {
    await new Promise((r) => setTimeout(r, 50));
    expect(hostile.unhandled).toEqual([]);
    expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
  });
});
