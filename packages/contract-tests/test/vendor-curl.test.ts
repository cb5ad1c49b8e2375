// The vendor pages' curl examples, kept as fixtures: the good ones are accepted by the mock, the broken ones are
// refused with 414 for the documented reason, and every broken one has an accepted fixed version.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postRaw, startTestMock, type Mock } from './support/mock.js';
import { operations } from './support/spec.js';

interface FixtureCase {
  name: string;
  body: string;
  expect: 'accepted' | 'rejected';
  descIncludes?: string;
  reason?: string;
}
interface Fixture {
  operationId: string;
  source: string;
  curl: string;
  cases: FixtureCase[];
}

const dir = new URL('../fixtures/vendor-curl/', import.meta.url);
// Operations whose vendor page shows no readable curl example, each with what was searched.
const WITHOUT_CURL = 'without-curl.json';
const withoutCurl: Record<string, string> = JSON.parse(readFileSync(new URL(WITHOUT_CURL, dir), 'utf8'));
const fixtures: Fixture[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== WITHOUT_CURL)
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
const pathOf = new Map(operations.map((o) => [o.operationId, o.path]));

let mock: Mock;
beforeAll(async () => {
  mock = await startTestMock();
});
afterAll(() => mock.close());

it('every operation has a vendor curl fixture with its provenance, or says why it has none', () => {
  const withCurl = fixtures.map((f) => f.operationId);
  expect([...withCurl, ...Object.keys(withoutCurl)].sort()).toEqual([...pathOf.keys()].sort());
  for (const [operationId, why] of Object.entries(withoutCurl)) {
    expect(withCurl, `${operationId} is listed in ${WITHOUT_CURL} and has a fixture`).not.toContain(operationId);
    expect(why.length, `${operationId} says what was searched`).toBeGreaterThan(40);
  }
  for (const f of fixtures) {
    expect(f.source, f.operationId).toBeTruthy();
    expect(f.curl, f.operationId).toMatch(/^curl /);
    if (f.cases.some((c) => c.expect === 'rejected')) {
      expect(f.cases.some((c) => c.expect === 'accepted'), `${f.operationId} has a fixed case`).toBe(true);
    }
  }
});

describe.each(fixtures)('$operationId', (fixture) => {
  it.each(fixture.cases)('$name: $expect', async (c) => {
    const { status, json } = await postRaw(mock, pathOf.get(fixture.operationId)!, c.body);
    expect(status).toBe(200);
    if (c.expect === 'accepted') {
      expect(json, JSON.stringify(json)).toMatchObject({ code: 200 });
    } else {
      expect(json.code).toBe(414);
      expect(c.reason, 'a rejected case says why').toBeTruthy();
      expect(String(json.desc)).toContain(c.descIncludes);
    }
  });
});
