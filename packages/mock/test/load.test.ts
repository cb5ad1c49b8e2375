// Load: 50 concurrent keep-alive clients, a bounded run (request count and time capped) over a mix of all operations
// (valid calls, refused bodies, named error examples): 0 errors, 0 timeouts, every answer the expected one, and exactly
// 50 connections for the whole run (none dropped and re-opened).
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../src/index.js';
import { FORM_TYPE, operations, sampleBody, sign, startTestMock, toForm } from './support/mock.js';

const CONNECTIONS = 50;
const REQUESTS = 6_000;
const TIME_CAP_MS = 45_000;

let mock: RunningMock;
let connections = 0;
let clientErrors = 0;
beforeAll(async () => {
  mock = await startTestMock();
  mock.server.on('connection', () => connections++);
  mock.server.on('clientError', () => clientErrors++);
});
afterAll(() => mock.close());

describe('load', () => {
  it(`${CONNECTIONS} keep-alive clients, ${REQUESTS} requests over every operation: no error, no dropped connection`, async () => {
    const headers = { 'content-type': FORM_TYPE, ...sign() }; // one signature, valid for the 5-minute window
    const answers = new Map<number, number>();
    let wrong = 0;
    const expectCode = (code: number) => (status: number, body: string) => {
      const got = status === 200 ? (JSON.parse(body) as { code: number }).code : -status;
      answers.set(got, (answers.get(got) ?? 0) + 1);
      if (got !== code) wrong++;
    };
    const requests = operations.flatMap((op) => {
      const path = new URL(mock.url).pathname + op.path;
      const valid = toForm(sampleBody(op.path));
      const error = op.examples.find((e) => e.code !== 200)!;
      return [
        { method: 'POST', path, headers, body: valid, onResponse: expectCode(200) },
        { method: 'POST', path, headers, body: `${valid}&notAField=1`, onResponse: expectCode(414) },
        { method: 'POST', path, headers: { ...headers, prefer: `example=${error.name}` }, body: valid, onResponse: expectCode(error.code) },
      ];
    });

    const instance = autocannon({ url: new URL(mock.url).origin, connections: CONNECTIONS, amount: REQUESTS, timeout: 10, requests });
    const cap = setTimeout(() => instance.stop(), TIME_CAP_MS);
    const result = await instance;
    clearTimeout(cap);

    expect(result.requests.total, 'the run finished within the time cap').toBe(REQUESTS);
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(wrong, JSON.stringify(Object.fromEntries(answers))).toBe(0);
    expect(connections).toBe(CONNECTIONS);
    expect(clientErrors).toBe(0);
  });
});
