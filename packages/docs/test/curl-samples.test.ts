// Every curl sample on the page sends what the vendor accepts: its body, read the way curl builds it, validates
// against the operation's request schema (JSON-in-form fields parsed and checked against their contentSchema),
// and a real mock (Prism inside, signatures checked) answers it with code 200 - both when the test sends the
// parsed request itself and when bash, openssl and curl run the sample as a reader pastes it.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock } from '@nimkit/mock';
import { encodeFormBody } from '@nimkit/client';
import { sampleRequest } from '@nimkit/spec-lib';
import { freshValues } from '../src/code-samples.js';
import { parseCurlSample } from './support/curl.js';
import { operations, pageDefinition, pageOperations, SPEC_FILE, spec } from './support/spec.js';
import { validateForm } from './support/validate.js';

const APP_KEY = 'docs-test-appkey';
const APP_SECRET = 'docs-test-secret';
const host: string = spec.servers[0].url;
const onPage = pageOperations();

type Mock = Awaited<ReturnType<typeof startMock>>;
const run = promisify(execFile);
let mock: Mock;

beforeAll(async () => {
  for (const tool of ['bash', 'openssl', 'curl']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      throw new Error(`the curl samples are run for real and need ${tool}: apt-get install -y ${tool}`);
    }
  }
  // Examples mode: a sample's ids name no object, and these runs check the samples, not the emulator's state.
  mock = await startMock({ port: 0, spec: SPEC_FILE, appKey: APP_KEY, appSecret: APP_SECRET, log: false, mode: 'examples' });
});
afterAll(() => mock?.close());

/**
 * The shell variables the sample's own lines set, computed the same way; a fresh field's variable holds the spec's
 * sample value, so the body can be compared with the client's encoding of that sample.
 */
function signingEnv(op?: unknown) {
  const fresh = op ? Object.fromEntries(freshValues(spec, op, sampleRequest(spec, op) as Record<string, any>).variables) : {};
  const nonce = createHash('sha1').update(String(Math.random())).digest('hex').slice(0, 32);
  const curTime = String(Math.floor(Date.now() / 1000));
  const checkSum = createHash('sha1').update(APP_SECRET + nonce + curTime).digest('hex');
  return { NIM_APP_KEY: APP_KEY, NIM_APP_SECRET: APP_SECRET, NONCE: nonce, CURTIME: curTime, CHECKSUM: checkSum, ...fresh };
}

function curlOf(operationId: string): string {
  const samples: Array<{ lang: string; label: string; source: string }> = onPage.get(operationId)?.['x-codeSamples'] ?? [];
  const curl = samples.find((s) => s.label === 'curl');
  if (!curl) throw new Error(`${operationId} has no curl sample on the page`);
  return curl.source;
}

describe.each(operations)('$operationId curl sample', ({ operationId, path, op }) => {
  it('targets the first server of the spec and signs with the four headers', () => {
    const env = signingEnv(op);
    const request = parseCurlSample(curlOf(operationId), env);
    expect(request.url).toBe(host + path);
    expect(request.headers).toEqual({
      AppKey: env.NIM_APP_KEY,
      Nonce: env.NONCE,
      CurTime: env.CURTIME,
      CheckSum: env.CHECKSUM,
      'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8',
    });
  });

  it("sends the client's own encoding of the spec's sample, valid against the request schema", () => {
    const { body } = parseCurlSample(curlOf(operationId), signingEnv(op));
    const form = new URLSearchParams(body);
    expect(validateForm(spec, op, form)).toEqual([]);
    const client = new URLSearchParams(encodeFormBody(sampleRequest(spec, op)));
    expect([...form]).toEqual([...client]);
  });

  it('runs as pasted: bash, openssl and curl against the mock get code 200', async () => {
    const sample = curlOf(operationId);
    expect(sample.split(host).length, 'the host appears once').toBe(2);
    const script = sample.replace(host, mock.url);
    const { stdout } = await run('bash', ['-c', `set -eu\n${script} --silent --show-error --max-time 10`], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NIM_APP_KEY: APP_KEY, NIM_APP_SECRET: APP_SECRET },
      timeout: 20_000,
    });
    expect(JSON.parse(stdout), stdout).toMatchObject({ code: 200 });
  });

  it('is answered with code 200 by the mock', async () => {
    const env = signingEnv(op);
    const request = parseCurlSample(curlOf(operationId), env);
    const res = await fetch(mock.url + request.url.slice(host.length), {
      method: 'POST',
      headers: request.headers,
      body: request.body,
    });
    expect(res.status).toBe(200);
    const json = (await res.json()) as { code: number; desc?: unknown };
    expect(json, JSON.stringify(json)).toMatchObject({ code: 200 });
  });
});

describe("the introduction's curl example", () => {
  const blocks = [...String(pageDefinition().info.description).matchAll(/```bash\n([\s\S]*?)```/g)]
    .map((m) => m[1]!)
    .filter((b) => /^curl /m.test(b));

  it('exists', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it.each(blocks.map((block, i) => ({ i, block })))('#$i is valid for its operation and answered with code 200', async ({ block }) => {
    const env = signingEnv();
    const request = parseCurlSample(block, env);
    const operation = operations.find((o) => request.url === host + o.path);
    expect(operation, request.url).toBeDefined();
    expect(validateForm(spec, operation!.op, new URLSearchParams(request.body))).toEqual([]);
    const res = await fetch(mock.url + operation!.path, { method: 'POST', headers: request.headers, body: request.body });
    expect(((await res.json()) as { code: number }).code).toBe(200);
  });
});

describe('fresh values (x-nim-fresh): a new client message id on every run', () => {
  const withFresh = operations
    .map((o) => ({ ...o, variables: freshValues(spec, o.op, sampleRequest(spec, o.op) as Record<string, any>).variables }))
    .filter((o) => o.variables.length);

  it('the send operations have them, nested list items included', () => {
    const ids = withFresh.map((o) => o.operationId);
    for (const id of ['chatroomSendMsg', 'chatroomBatchSendMsg', 'chatroomSendMsgToSomeone']) expect(ids).toContain(id);
  });

  it.each(withFresh.map((o) => ({ operationId: o.operationId, names: o.variables.map(([name]) => name) })))(
    '$operationId: curl draws each one per run, TypeScript calls crypto.randomUUID() for each',
    ({ operationId, names }) => {
      const curl = curlOf(operationId);
      const ts = onPage.get(operationId)['x-codeSamples'].find((s: { label: string }) => s.label === 'TypeScript').source as string;
      for (const name of names) {
        expect(curl).toContain(`${name}=$(openssl rand -hex 16)`);
        expect(curl).toContain(`$${name}`);
      }
      expect(ts.split('crypto.randomUUID()').length - 1).toBe(names.length);
    },
  );
});
