// The generated Postman collection, run for real with Postman's own runner (newman) against the mock: every
// request signed by the collection's pre-request script and answered code 200; a wrong AppSecret answered 414 on
// every request; the script's CheckSum equals the client's for the same Nonce and CurTime.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { checkSum } from '@nimkit/client';
import newman from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '@nimkit/test-kit';
import { APP_KEY, APP_SECRET, startTestMock, type Mock } from '../support/mock.js';

const require = createRequire(import.meta.url);
const readJson = (name: string) => JSON.parse(readFileSync(require.resolve(`@nimkit/spec/postman/${name}`), 'utf8'));
const collection = readJson('nimkit.postman_collection.json');
const emulatorEnv = readJson('emulator.postman_environment.json');
const requestCount = collection.item.reduce((n: number, folder: { item: unknown[] }) => n + folder.item.length, 0);

interface Answer {
  name: string;
  code: unknown;
}

/** Runs the whole collection with `vars` as its environment; one answer per request, in order. */
function runCollection(vars: Record<string, string>, source = collection): Promise<{ answers: Answer[]; failures: number }> {
  const environment = { ...emulatorEnv, values: Object.entries(vars).map(([key, value]) => ({ key, value, enabled: true })) };
  return new Promise((resolve, reject) => {
    newman.run({ collection: source, environment, reporters: [], timeoutRequest: 10_000 }, (error, summary) => {
      if (error) return reject(error);
      const answers = summary.run.executions.map((e) => {
        const text = e.response?.stream?.toString('utf8') ?? '';
        let code: unknown;
        try {
          code = JSON.parse(text).code;
        } catch {
          code = `not JSON: ${text.slice(0, 80)}`;
        }
        return { name: e.item.name, code };
      });
      resolve({ answers, failures: summary.run.failures.length });
    });
  });
}

describe('the Postman collection, run with newman against the mock (examples mode, signatures checked)', () => {
  let mock: Mock;
  beforeAll(async () => {
    mock = await startTestMock({ mode: 'examples' });
  });
  afterAll(() => mock.close());

  it('has one request per operation of the spec and no secret in it', () => {
    expect(requestCount).toBeGreaterThan(0);
    expect(JSON.stringify(collection)).not.toContain('nim-mock-secret');
  });

  it('every request is signed by the pre-request script and answered code 200', async () => {
    const { answers, failures } = await runCollection({ baseUrl: mock.url, appKey: APP_KEY, appSecret: APP_SECRET });
    expect(answers).toHaveLength(requestCount);
    expect(answers.filter((a) => a.code !== 200)).toEqual([]);
    expect(failures).toBe(0); // the collection's own envelope test passed on every response
    console.log(`newman: ${answers.length} requests, ${answers.filter((a) => a.code === 200).length} answered code 200`);
  });

  it('with every optional field switched on too, every request is still answered code 200', async () => {
    const all = structuredClone(collection);
    for (const folder of all.item) for (const r of folder.item) for (const field of r.request.body.urlencoded) delete field.disabled;
    const { answers } = await runCollection({ baseUrl: mock.url, appKey: APP_KEY, appSecret: APP_SECRET }, all);
    expect(answers.filter((a) => a.code !== 200)).toEqual([]);
  });

  it('a wrong AppSecret is answered 414 on every request', async () => {
    const { answers } = await runCollection({ baseUrl: mock.url, appKey: APP_KEY, appSecret: 'not-the-secret' });
    expect(answers).toHaveLength(requestCount);
    expect(answers.filter((a) => a.code !== 414)).toEqual([]);
  });
});

describe('the pre-request script signs like the client', () => {
  it('CheckSum equals the client checkSum() of the same AppSecret, Nonce and CurTime; fresh Nonce per send', async () => {
    const capture = await startServer();
    try {
      const secret = 'postman-secret-密钥';
      await runCollection({ baseUrl: capture.url, appKey: 'postman-app', appSecret: secret });
      expect(capture.requests).toHaveLength(requestCount);
      const nonces = new Set<string>();
      for (const { headers } of capture.requests) {
        const [nonce, curTime, sum] = [headers.nonce, headers.curtime, headers.checksum].map(String) as [string, string, string];
        expect(headers.appkey).toBe('postman-app');
        expect(nonce).toMatch(/^[0-9a-f]{32}$/);
        expect(curTime).toMatch(/^\d{10}$/);
        expect(sum).toBe(checkSum(secret, nonce, curTime));
        nonces.add(nonce);
      }
      expect(nonces.size).toBe(capture.requests.length);
    } finally {
      await capture.close();
    }
  });
});
