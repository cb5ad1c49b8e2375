// The bundled spec and the operation list, as the tests see them.
import { loadSpec, listOperations } from '@nimkit/spec-lib';

export const spec = loadSpec();
export const operations: Array<{ operationId: string; path: string; group: string; action: string; op: any }> =
  listOperations(spec);

/** Example name for each vendor error code (CONTRIBUTING: Spec conventions). */
export const errorExampleNames: Record<number, string> = {
  403: 'noPermission',
  404: 'notFound',
  414: 'paramError',
  416: 'rateLimited',
  417: 'repeatedOperation',
  419: 'limitExceeded',
  431: 'repeatedRequest',
  500: 'serverError',
  514: 'serviceUnavailable',
  13002: 'chatroomAbnormal',
  13003: 'chatroomBlocklisted',
};
