// The introduction a newcomer reads: every topic is there, the two worked signature examples are right
// (recomputed here with node:crypto and with the client's own functions), and the generated tables cover the
// spec's servers and every status code in English and Chinese.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSum, regions, verifyCallback } from '@nimkit/client';
import { DEFAULTS } from '@nimkit/mock';
import { pageDefinition, spec } from './support/spec.js';

const intro: string = pageDefinition().info.description;
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

/** The `| label | `value` |` rows of the table under a heading of the introduction. */
function exampleTable(heading: string): Map<string, string> {
  const start = intro.indexOf(`### ${heading}\n`);
  if (start < 0) throw new Error(`no "${heading}" heading in the introduction`);
  const rows = new Map<string, string>();
  for (const line of intro.slice(start).split('\n').slice(1)) {
    if (line.startsWith('#')) break;
    const m = /^\| (.+?) \| `(.*)` \|$/.exec(line);
    if (m) rows.set(m[1]!.split(' (')[0]!, m[2]!);
  }
  return rows;
}

function row(rows: Map<string, string>, label: string): string {
  const value = rows.get(label);
  if (value === undefined) throw new Error(`the worked example has no "${label}" row`);
  return value;
}

describe('introduction', () => {
  it('covers every topic a newcomer needs', () => {
    const headings = [...intro.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!.toLowerCase());
    for (const topic of ['first call', 'hosts and regions', 'signing a request', 'code envelope', 'status codes', 'ids are strings', 'json inside form fields', 'rate limits', 'callbacks', 'mock']) {
      expect(headings.some((h) => h.includes(topic)), `a heading about "${topic}" in ${headings.join(' | ')}`).toBe(true);
    }
  });

  it('the request-signing example is right: hashed string and CheckSum recomputed', async () => {
    const rows = exampleTable('Example: signing a request');
    const [secret, nonce, curTime] = ['AppSecret', 'Nonce', 'CurTime'].map((l) => row(rows, l));
    expect(row(rows, 'string hashed')).toBe(secret! + nonce! + curTime!);
    expect(row(rows, 'CheckSum')).toBe(sha1(secret! + nonce! + curTime!));
    expect(await checkSum(secret!, nonce!, curTime!)).toBe(row(rows, 'CheckSum'));
  });

  it('the callback example is right: MD5, hashed string and CheckSum recomputed, and verifyCallback accepts it', async () => {
    const rows = exampleTable('Example: checking a callback');
    const [secret, body, curTime] = ['AppSecret', 'body', 'CurTime'].map((l) => row(rows, l));
    expect(row(rows, 'MD5')).toBe(md5(body!));
    expect(row(rows, 'string hashed')).toBe(secret! + row(rows, 'MD5') + curTime!);
    expect(row(rows, 'CheckSum')).toBe(sha1(secret! + md5(body!) + curTime!));
    const headers = { MD5: row(rows, 'MD5'), CheckSum: row(rows, 'CheckSum'), CurTime: curTime! };
    const verdict = await verifyCallback({ headers, rawBody: body!, appSecret: secret!, now: () => Number(curTime) * 1000 });
    expect(verdict).toEqual({ ok: true });
  });

  it("lists every server of the spec and the client's region presets", () => {
    for (const server of spec.servers) expect(intro).toContain(`| \`${new URL(server.url).host}\` | ${server.description}`);
    for (const [name, urls] of Object.entries(regions)) {
      expect(intro).toContain(`| \`region: '${name}'\` | ${urls.map((u) => `\`${new URL(u).host}\``).join(', then ')} |`);
    }
  });

  it('has the full status-code table, English and Chinese, generated from ErrorCode', () => {
    const schema = spec.components.schemas.ErrorCode;
    expect(intro).toContain('| 200 | Success | 操作成功 |');
    for (const code of schema.enum as number[]) {
      const [en, zh] = String(schema['x-enumDescriptions'][String(code)]).split(' / ');
      expect(intro).toContain(`| ${code} | ${en} | ${zh ?? ''} |`);
    }
  });

  it("states the mock's real defaults (port, AppKey, AppSecret)", () => {
    const section = intro.slice(intro.indexOf('## Trying it on the mock'));
    expect(section).toContain(`http://127.0.0.1:${DEFAULTS.port}/nimserver`);
    expect(section).toContain(`\`${DEFAULTS.appKey}\``);
    expect(section).toContain(`\`${DEFAULTS.appSecret}\``);
    expect(section).toContain(`npx nim-mock --port ${DEFAULTS.port}`);
  });

  it('keeps no unfilled markers', () => {
    expect(intro).not.toMatch(/<!-- docs:/);
  });
});
