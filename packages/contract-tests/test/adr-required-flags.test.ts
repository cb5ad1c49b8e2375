// ADR 0006: the vendor confirms required flags only on three QChat operations (its table is drift-checked by
// tools/check-generated.mjs).
import { expect, it } from 'vitest';
import { operations, spec } from './support/spec.js';

it('QChat has confirmed flags only on createServer, getServerMemberListPage and getChannelMemberListPage', () => {
  const confirmed = operations
    .filter((o) => o.group === 'qchat')
    .filter(({ op }) => {
      const schema = spec.components.schemas[op.requestBody.content['application/x-www-form-urlencoded'].schema.$ref.split('/').pop()];
      return Object.values<any>(schema.properties).every((p) => p['x-nim-required-source'] !== 'inferred');
    })
    .map((o) => o.operationId)
    .sort();
  expect(confirmed).toEqual(['qchatCreateServer', 'qchatGetChannelMemberListPage', 'qchatGetServerMemberListPage']);
});
