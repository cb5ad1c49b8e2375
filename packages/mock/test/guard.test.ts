// The mock protects itself (docs/adr/0050): slow, stalled and greedy clients are cut off and logged, others are
// served. Real sockets on 127.0.0.1 with short injected timeouts; nothing asserts on absolute times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'node:net';
import type { RunningMock } from '../src/index.js';
import { parseCli } from '../src/cli.js';
import { resolveOptions } from '../src/options.js';
import { postRaw, startTestMock } from './support/mock.js';
import { rawConnection, requestHead, trickle } from './support/raw-http.js';

const TIMEOUTS = { headersTimeoutMs: 400, requestTimeoutMs: 800, idleTimeoutMs: 300 };
const GIVE_UP_MS = 20_000; // far beyond every timeout: only reached if the mock never cuts the client off
const BODY = 'accid=zhangsan';

let mock: RunningMock;
const lines: string[] = [];
const totals = { hostile: 0, cut: 0, served: 0 };
beforeAll(async () => {
  mock = await startTestMock({ ...TIMEOUTS, log: (line) => lines.push(line) });
});
afterAll(async () => {
  await mock.close();
  console.log(`slow clients: ${totals.hostile} slow, stalled or malformed connections, ${totals.cut} cut off by the mock, ${totals.hostile - totals.cut} left open; ${totals.served} normal requests served meanwhile`);
});

/** While a hostile connection is held open, a normal client still gets its answer. */
async function othersServed(): Promise<void> {
  const { status, json } = await postRaw(mock, '/qchat/createServer.action', BODY);
  expect(status).toBe(200);
  expect(json.code).toBe(200);
  totals.served++;
}

/** A hostile connection's outcome, counted. */
async function counted(outcome: ReturnType<typeof rawConnection>) {
  const result = await outcome;
  totals.hostile++;
  if (result.closedByMock) totals.cut++;
  return result;
}

describe('slow and stalled clients are cut off, others are served', () => {
  it('a body sent one byte at a time, slower than the request deadline allows', async () => {
    // The idle timeout off, so only the whole-request deadline can end it (a loaded machine may pause the trickle).
    const cut: string[] = [];
    const strict = await startTestMock({ ...TIMEOUTS, idleTimeoutMs: 0, log: (l) => cut.push(l) });
    try {
      const outcome = rawConnection(strict.port, (s) => {
        s.write(requestHead('/qchat/createServer.action', 200));
        trickle(s, 'x'.repeat(200), 50);
      }, GIVE_UP_MS);
      await othersServed();
      const { received, closedByMock } = await counted(outcome);
      expect(closedByMock).toBe(true);
      expect(received).toMatch(/^HTTP\/1\.1 408 /);
      expect(JSON.parse(received.split('\r\n\r\n')[1]!)).toMatchObject({ code: 408 });
      expect(cut.some((l) => /http=408 cut off/.test(l))).toBe(true);
    } finally {
      await strict.close();
    }
  });

  it('a Content-Length larger than what arrives', async () => {
    const outcome = rawConnection(mock.port, (s) => s.write(requestHead('/qchat/createServer.action', 1000) + BODY), GIVE_UP_MS);
    await othersServed();
    expect((await counted(outcome)).closedByMock).toBe(true);
    expect(lines.some((l) => /cut off: body silent for 300 ms \(idleTimeoutMs\)/.test(l))).toBe(true);
  });

  it('a connection that sends nothing', async () => {
    const outcome = rawConnection(mock.port, () => {}, GIVE_UP_MS);
    await othersServed();
    expect((await counted(outcome)).closedByMock).toBe(true);
    expect(lines.some((l) => /closed: silent for 300 ms before a complete request/.test(l))).toBe(true);
  });

  it('headers that stop half-way', async () => {
    const outcome = rawConnection(mock.port, (s) => s.write('POST /nimserver/qchat/createServer.action HTTP/1.1\r\nHost: 127.0.0.1\r\n'), GIVE_UP_MS);
    await othersServed();
    expect((await counted(outcome)).closedByMock).toBe(true);
  });

  it('ten stalled connections at once do not stop the others', async () => {
    const stalled = Array.from({ length: 10 }, () => rawConnection(mock.port, (s) => s.write(requestHead('/qchat/createServer.action', 50)), GIVE_UP_MS));
    await Promise.all(Array.from({ length: 5 }, othersServed));
    expect((await Promise.all(stalled.map(counted))).every((o) => o.closedByMock)).toBe(true);
  });

  it('malformed HTTP gets a vendor-shaped answer and a closed connection', async () => {
    const { received, closedByMock } = await counted(rawConnection(mock.port, (s) => s.write('BAD\u0000REQUEST\r\n\r\n'), GIVE_UP_MS));
    expect(closedByMock).toBe(true);
    expect(received).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(received.split('\r\n\r\n')[1]!)).toMatchObject({ code: 414, desc: expect.stringMatching(/malformed HTTP request/) });
  });
});

describe('caps', () => {
  it('connections over maxConnections are refused and logged', async () => {
    const capped: string[] = [];
    const small = await startTestMock({ maxConnections: 2, log: (l) => capped.push(l) });
    const held: Socket[] = [];
    try {
      const holders = [0, 1].map(() => rawConnection(small.port, (s) => held.push(s), GIVE_UP_MS));
      while (held.length < 2) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 50)); // both accepted by the server
      const refused = await rawConnection(small.port, () => {}, GIVE_UP_MS);
      expect(refused.closedByMock).toBe(true);
      expect(capped.some((l) => /refused: 2 connections open \(maxConnections\)/.test(l))).toBe(true);
      held.forEach((s) => s.destroy());
      await Promise.all(holders);
    } finally {
      await small.close();
    }
  });

  it('a body that would take the buffered bytes over maxBufferedBytes is answered HTTP 503, vendor-shaped', async () => {
    const small = await startTestMock({ maxBufferedBytes: 64 });
    try {
      const { status, json } = await postRaw(small, '/qchat/createServer.action', `accid=zhangsan&name=${'n'.repeat(100)}`);
      expect(status).toBe(503);
      expect(json).toMatchObject({ code: 503, desc: expect.stringMatching(/busy/) });
      expect((await postRaw(small, '/qchat/createServer.action', BODY)).json.code).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe('options and flags', () => {
  it.each([
    ['idleTimeoutMs', -1],
    ['requestTimeoutMs', 2 ** 31],
    ['headersTimeoutMs', 1.5],
    ['maxConnections', 0],
    ['maxBufferedBytes', Number.NaN],
  ])('%s = %s is a TypeError naming it', (name, value) => {
    expect(() => resolveOptions({ [name]: value })).toThrow(new RegExp(`^${name} must be`));
  });

  it('flags set each limit; a bad value is named', () => {
    const { options } = parseCli(['--headers-timeout', '100', '--request-timeout', '200', '--idle-timeout', '0', '--max-connections', '8', '--max-buffered-bytes', '4096', '--body-limit', '1024']);
    expect(options).toMatchObject({ headersTimeoutMs: 100, requestTimeoutMs: 200, idleTimeoutMs: 0, maxConnections: 8, maxBufferedBytes: 4096, bodyLimitBytes: 1024 });
    expect(parseCli(['--idle-timeout', '5s']).error).toMatch(/--idle-timeout must be an integer/);
  });
});
