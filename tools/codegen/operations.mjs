// The operation table the client's facade is built from, plus its types.
import { listOperations, okSchema, idPaths, pascal } from '../lib/spec.mjs';

export function generateOperations(spec) {
  const ops = listOperations(spec);
  const rows = ops.map(({ operationId, path, group, action, op }) => {
    const ids = dedupe(idPaths(okSchema(spec, op)));
    return `  ${operationId}: { path: '${path}', group: '${group}', action: '${action}', ids: ${JSON.stringify(ids)} },`;
  });
  const groups = [...new Set(ops.map((o) => o.group))];
  const facade = groups.map((g) => {
    const methods = ops
      .filter((o) => o.group === g)
      .map(({ operationId, action, op }) => {
        const doc = [op.summary + ` (${op['x-nim-title']})`, '', `\`POST ${ops.find((o) => o.operationId === operationId).path}\``];
        return `  /**\n${doc.map((l) => `   * ${l}`.trimEnd()).join('\n')}\n   */\n  ${action}(body: RequestBody<'${operationId}'>, options?: CallOptions): Promise<OkBody<'${operationId}'>>;`;
      });
    return `/** The ${g} operations, one method per vendor action. */\nexport interface ${pascal(g)}Api {\n${methods.join('\n')}\n}`;
  });
  return `import type { operations, components } from './schema.js';

/** Per-call options of every facade method. */
export interface CallOptions {
  /** Aborts the call (all attempts). */
  signal?: AbortSignal;
  /** Overrides the client's timeout for each attempt, in milliseconds. */
  timeoutMs?: number;
  /** Overrides client-side validation for this call. */
  validate?: boolean;
}

/** Every operationId of the spec. */
export type OperationId = keyof typeof operationTable;

/** The form body an operation takes (JSON-in-form fields as their JSON values, ids as strings). */
export type RequestBody<Op extends OperationId> = operations[Op] extends {
  requestBody: { content: { 'application/x-www-form-urlencoded': infer B } };
}
  ? B
  : never;

type OkSchemaNames = {
${ops.map(({ operationId, op }) => `  ${operationId}: '${op.responses['200'].content['application/json'].schema.oneOf[0].$ref.split('/').pop()}';`).join('\n')}
};

/** The success body of an operation (\`code\` 200), ids as exact strings. */
export type OkBody<Op extends OperationId> = components['schemas'][OkSchemaNames[Op]];

/** Route and id paths of each operation; ids lists where response ids sit ('*' = array item, '**' = map value). */
export const operationTable = {
${rows.join('\n')}
} as const;

${facade.join('\n\n')}

/** The generated facade: \`nim.qchat.createServer({...})\`. */
export interface NimFacade {
${groups.map((g) => `  ${g}: ${pascal(g)}Api;`).join('\n')}
}
`;
}

function dedupe(paths) {
  const seen = new Set();
  return paths.filter((p) => {
    const k = p.join('.');
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
