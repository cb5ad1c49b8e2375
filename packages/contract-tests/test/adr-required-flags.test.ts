// ADR 0006 lists every required flag decided by the project; the list must match the spec.
import { expect, it } from 'vitest';
import { requiredFlagsTable, tableInAdr } from '../../../tools/adr/required-flags.mjs';
import { operations, spec } from './support/spec.js';

it('the table of inferred required flags in docs/adr/0006 matches the spec', () => {
  expect(tableInAdr(), 'run `node tools/adr/required-flags.mjs`').toBe(requiredFlagsTable(spec));
});

// The QChat operations whose every flag a vendor table with the 必须/必填 column settles (docs/adr/0044).
it('QChat has confirmed flags exactly on the operations whose vendor table keeps its required column', () => {
  const confirmed = operations
    .filter((o) => o.group === 'qchat')
    .filter(({ op }) => {
      const schema = spec.components.schemas[op.requestBody.content['application/x-www-form-urlencoded'].schema.$ref.split('/').pop()];
      return Object.values<any>(schema.properties).every((p) => p['x-nim-required-source'] !== 'inferred');
    })
    .map((o) => o.operationId)
    .sort();
  expect(confirmed).toEqual([
    'qchatBatchGetCategoryWhiteBlackIdentify',
    'qchatBatchGetCategoryWhiteBlackIdentifyUser',
    'qchatCreateChannelCategoryIdentify',
    'qchatCreateChannelIdentify',
    'qchatCreateServer',
    'qchatGetChannelCategoryListByServerPage',
    'qchatGetChannelListPage',
    'qchatGetChannelMemberListPage',
    'qchatGetServerMemberListPage',
    'qchatQueryInviteApplyHistoryByServer',
    'qchatQueryInviteApplyHistoryByUser',
    'qchatQueryThreadTalkHistory',
    'qchatUpdateWhiteBlackIdentifyUser',
  ]);
});
