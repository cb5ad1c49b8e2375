// Suite 1 - spec-driven fuzzing of every operation. Valid bodies generated from the request schema go through the
// facade to the mock and must succeed (code 200). Bodies breaking one constraint of one field (support/mutations.ts)
// must be refused twice: by the client's validation (NimValidationError naming the field, nothing sent) and, sent
// raw in the client's wire encoding, by the mock (HTTP 200 + code 414, desc naming the field).
// Seed: NIM_FUZZ_SEED (default 20261121, shared with suite 2); bodies: NIM_FUZZ_VALID_RUNS valid per operation
// (default 10) and NIM_FUZZ_INVALID_RUNS per mutation (default 3). A failure prints the counterexample and the seed
// and path to replay it (not shrunk: shrinking 5000-character bodies over HTTP takes minutes). Per-operation counts: test/artifacts/fuzz-report.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNimClient, encodeFormBody, NimValidationError, type NimClient, type RequestBody } from '@nimkit/client';
import { requestSchema } from '@nimkit/spec-lib';
import { APP_KEY, APP_SECRET, postRaw, startTestMock, type Mock } from '../support/mock.js';
import { mutationsOf, type Mutation } from '../support/mutations.js';
import { createOracle } from '../support/oracle.js';
import { validBody, type Body } from '../support/schema-arbitraries.js';
import { operations, spec } from '../support/spec.js';

const seed = Number(process.env.NIM_FUZZ_SEED ?? 20261121);
const validRuns = Number(process.env.NIM_FUZZ_VALID_RUNS ?? 10);
const invalidRuns = Number(process.env.NIM_FUZZ_INVALID_RUNS ?? 3);
const REPORT = new URL('../artifacts/fuzz-report.md', import.meta.url);

let mock: Mock;
let nim: NimClient;
/** Requests the client has handed to fetch: a body the client refuses must not add one. */
let sent = 0;

beforeAll(async () => {
  mock = await startTestMock();
  nim = createNimClient({
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    baseUrl: mock.url,
    retry: false,
    timeoutMs: 30_000,
    fetch: (url, init) => {
      sent++;
      return fetch(url, init);
    },
  });
});

interface Tally {
  operationId: string;
  mutations: number;
  validOk: number;
  invalid: number;
  refusedByClient: number;
  refusedByMock: number;
  misclassified: string[];
}

const cases = operations.map((o) => {
  const wire = requestSchema(spec, o.op);
  return { ...o, valid: validBody(wire, o.operationId), mutations: mutationsOf(wire, o.operationId), oracle: createOracle(wire) };
});
const tallies: Tally[] = [];
/** Mutations per broken rule, over all operations. */
const rules = new Map<string, number>();
for (const c of cases) for (const m of c.mutations) rules.set(m.rule, (rules.get(m.rule) ?? 0) + 1);

/** Which side got a body wrong: the client, the mock, or the fuzzer itself (a generator that broke its promise). */
class Misclassified extends Error {
  constructor(
    readonly side: 'client' | 'mock' | 'generator',
    message: string,
  ) {
    super(`${side}: ${message}`);
  }
}

/** A seed per property, derived from NIM_FUZZ_SEED, so adding an operation does not reshuffle the others. */
function seedFor(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (seed ^ h) | 0;
}

const names = (text: string, field: string) =>
  new RegExp(`(^|[^A-Za-z0-9_])${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z0-9_]|$)`).test(text);

function facadeMethod(group: string, action: string) {
  return (nim as unknown as Record<string, Record<string, (body: Body) => Promise<{ code: number }>>>)[group]![action]!;
}

const short = (value: unknown) => {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 300 ? `${s.slice(0, 300)}... (${s.length} chars)` : s;
};

function failureOf(details: fc.RunDetails<[Body]>): string {
  const error = details.errorInstance;
  return `${error instanceof Error ? error.message : String(error)}; body ${short(details.counterexample?.[0])} (replay: seed ${details.seed}, path ${String(details.counterexamplePath).slice(0, 80)})`;
}

describe.each(cases)('$operationId', ({ operationId, path, group, action, valid, mutations, oracle }) => {
  const tally: Tally = { operationId, mutations: mutations.length, validOk: 0, invalid: 0, refusedByClient: 0, refusedByMock: 0, misclassified: [] };
  tallies.push(tally);
  const call = (body: Body) => facadeMethod(group, action)(body);

  it(`${validRuns} valid bodies succeed through the facade`, async () => {
    const details = await fc.check(
      fc.asyncProperty(valid, async (body) => {
        const broken = oracle(body);
        if (broken.length) throw new Misclassified('generator', `a "valid" body breaks ${short(broken)}`);
        const result = await call(body).catch((error: unknown) => {
          throw new Misclassified(error instanceof NimValidationError ? 'client' : 'mock', `a valid body was refused: ${(error as Error).message}`);
        });
        if (result.code !== 200) throw new Misclassified('mock', `code ${result.code}`);
      }),
      { seed: seedFor(operationId), numRuns: validRuns, endOnFailure: true },
    );
    tally.validOk += details.failed ? details.numRuns - 1 : details.numRuns;
    if (details.failed) tally.misclassified.push(`valid body: ${failureOf(details)}`);
    expect(details.failed ? failureOf(details) : 'ok').toBe('ok');
  });

  it(`every broken constraint is refused by the client and by the mock (${mutations.length} mutations x ${invalidRuns})`, async () => {
    for (const m of mutations) {
      const details = await fc.check(
        fc.asyncProperty(m.body, (body) => judgeInvalid(m, body)),
        { seed: seedFor(`${operationId} ${m.path} ${m.rule}`), numRuns: invalidRuns, endOnFailure: true },
      );
      const passed = details.failed ? details.numRuns - 1 : details.numRuns;
      tally.invalid += details.numRuns;
      tally.refusedByClient += passed;
      tally.refusedByMock += passed;
      if (details.failed) {
        const side = (details.errorInstance as Misclassified | undefined)?.side;
        if (side === 'mock') tally.refusedByClient++;
        tally.misclassified.push(`${m.path} ${m.rule}: ${failureOf(details)}`);
      }
    }
    expect(tally.misclassified).toEqual([]);
  });

  async function judgeInvalid(m: Mutation, body: Body): Promise<void> {
    const broken = oracle(body);
    const elsewhere = broken.filter((b) => b.field !== '' && b.field !== m.field);
    if (!broken.some((b) => b.field === m.field && b.rule === m.oracleRule) || elsewhere.length) {
      throw new Misclassified('generator', `expected ${m.field} to break ${m.oracleRule} alone, the spec says ${short(broken)}`);
    }
    const before = sent;
    const error = await call(body).then(
      (result) => result,
      (e: unknown) => e,
    );
    if (!(error instanceof NimValidationError)) throw new Misclassified('client', `not refused (${error instanceof Error ? error.message : `resolved ${short(error)}`})`);
    if (sent !== before) throw new Misclassified('client', 'refused, but a request was sent');
    if (!error.issues.some((i) => names(i.field, m.field))) throw new Misclassified('client', `the issues do not name ${m.field}: ${short(error.issues)}`);
    const { status, json } = await postRaw(mock, path, encodeFormBody(body));
    if (status !== 200 || json.code !== 414) throw new Misclassified('mock', `answered HTTP ${status} ${short(json)}`);
    if (!names(String(json.desc), m.field)) throw new Misclassified('mock', `the desc does not name ${m.field}: ${String(json.desc)}`);
  }
});

describe('free-form JSON objects in the types', () => {
  it('a typed call can fill pushPayload and yidunAntiCheating with any keys (tsc checks this file)', async () => {
    const pushPayload: RequestBody<'qchatSendMsg'>['pushPayload'] = { pushTitle: 'hello', badge: 1, sound: { name: 'ding' } };
    const yidunAntiCheating: RequestBody<'chatroomSendMsg'>['yidunAntiCheating'] = { email: 'a@example.com', phone: '13800000000' };
    const sent = await nim.qchat.sendMsg({ serverId: '1', channelId: '2', from: 'zhangsan', type: 0, body: 'hi', pushPayload });
    const room = await nim.chatroom.sendMsg({ roomid: '66', msgId: 'm1', fromAccid: 'zhangsan', msgType: 0, yidunAntiCheating });
    expect([sent.code, room.code]).toEqual([200, 200]);
  });
});

afterAll(async () => {
  await mock?.close();
  const sum = (k: 'mutations' | 'validOk' | 'invalid' | 'refusedByClient' | 'refusedByMock') => tallies.reduce((n, t) => n + t[k], 0);
  const misclassified = tallies.reduce((n, t) => n + t.misclassified.length, 0);
  const perOp = tallies.map((t) => t.invalid);
  console.log(
    `fuzz: ${tallies.length} operations (seed ${seed}): ${sum('validOk')}/${tallies.length * validRuns} valid bodies ok; ` +
      `${sum('invalid')} invalid bodies (${sum('mutations')} mutations x ${invalidRuns}, ${Math.min(...perOp)}-${Math.max(...perOp)} per operation) ` +
      `refused by the client ${sum('refusedByClient')} (nothing sent), by the mock ${sum('refusedByMock')} (HTTP 200 + 414); ${misclassified} misclassified`,
  );
  const rows = tallies.map((t) => `| ${t.operationId} | ${t.validOk} | ${t.invalid} | ${t.refusedByClient} | ${t.refusedByMock} | ${t.misclassified.length} |`);
  mkdirSync(new URL('.', REPORT), { recursive: true });
  writeFileSync(
    REPORT,
    [
      `# Fuzzing report (seed ${seed}, ${validRuns} valid bodies per operation, ${invalidRuns} per mutation)`,
      '',
      '| operation | valid ok | invalid | refused by client | refused by mock | misclassified |',
      '|---|---:|---:|---:|---:|---:|',
      ...rows,
      '',
      '| broken rule | mutations |',
      '|---|---:|',
      ...[...rules].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `| ${rule} | ${n} |`),
      '',
      ...tallies.flatMap((t) => t.misclassified.map((m) => `- ${t.operationId}: ${m}`)),
      '',
    ].join('\n'),
  );
});
