// The reference's edge: every vendor operation is either described in the spec or listed, with where its table was
// looked for, in the introduction's "Not described yet" table - never both, never neither (docs/adr/0044).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { operations, spec } from './support/spec.js';

const vendor: { qchat: string[]; chatroom: string[] } = JSON.parse(
  readFileSync(new URL('../fixtures/vendor-operations.json', import.meta.url), 'utf8'),
);

/** The vendor actions in the first column of code of the introduction's "Not described yet" table. */
function notDescribedYet(markdown: string): string[] {
  const start = markdown.indexOf('## Not described yet');
  expect(start, 'the introduction has a "Not described yet" section').toBeGreaterThan(-1);
  const section = markdown.slice(start, markdown.indexOf('\n## ', start + 1));
  return [...section.matchAll(/^\| [^|]+ \| `([A-Za-z]+)` \|/gm)].map((m) => String(m[1]));
}

const described = (group: string) => operations.filter((o) => o.group === group).map((o) => o.action);

it('describes every chatroom operation the vendor lists', () => {
  expect(described('chatroom').sort()).toEqual([...vendor.chatroom].sort());
});

it('describes or lists as not described yet each of the vendor QChat operations, exactly once', () => {
  const missing = notDescribedYet(spec.info.description);
  const qchat = described('qchat');
  expect(missing.filter((a) => qchat.includes(a)), 'listed as missing but described').toEqual([]);
  expect([...qchat, ...missing].sort()).toEqual([...vendor.qchat].sort());
  expect(spec.info.description).toContain(`${qchat.length} of the ${vendor.qchat.length} QChat operations`);
  expect(spec.info.description).toContain(`The ${missing.length} below`);
});
