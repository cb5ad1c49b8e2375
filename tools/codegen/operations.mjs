// The operation table the client is built from, the facade's types, a named request/response type per operation,
// and `bindFacade`, which builds the facade object from the client's `call` with every method type-checked.
import { listOperations, okSchema, idPaths, normalisePaths, pascal } from '../lib/spec.mjs';

export function generateOperations(spec) {
  const ops = listOperations(spec);
  // Compact rows: the ids, the path only where it is not /<group>/<action>.action (else 0), then the encoding
  // alternatives' paths when there are any; expandOperations() below rebuilds { path, group, action, ids, json,
  // ints } at load time (a smaller bundle than spelling every field out).
  const rows = ops.map(({ operationId, path, group, action, op }) => {
    const derived = deriveRoute(operationId);
    if (derived.group !== group || derived.action !== action) throw new Error(`${operationId}: group/action do not follow the naming convention`);
    const ok = okSchema(spec, op);
    const ids = dedupe(idPaths(ok));
    const { json, ints } = normalisePaths(spec, ok);
    const row = [ids, derived.path === path ? 0 : path];
    if (json.length || ints.length) row.push(json, ints);
    while (row.length > 1 && row[row.length - 1] === 0) row.pop();
    return `  ${operationId}: ${JSON.stringify(row)},`;
  });
  const groups = [...new Set(ops.map((o) => o.group))];
  const docOf = ({ op, path }) => [`${op.summary} (${op['x-nim-title']})`, '', `\`POST ${path}\``];
  const facade = groups.map((g) => {
    const methods = ops
      .filter((o) => o.group === g)
      .map((o) => {
        const doc = docOf(o);
        return `  /**\n${doc.map((l) => `   * ${l}`.trimEnd()).join('\n')}\n   */\n  ${o.action}(body: RequestBody<'${o.operationId}'>, options?: CallOptions): Promise<OkBody<'${o.operationId}'>>;`;
      });
    return `/** The ${g} operations, one method per vendor action. */\nexport interface ${pascal(g)}Api {\n${methods.join('\n')}\n}`;
  });
  const named = ops.map(({ operationId, op, path }) => {
    const name = pascal(operationId);
    return [
      `/** Request body of \`${operationId}\`: ${op.summary} (\`POST ${path}\`). */`,
      `export type ${name}Request = RequestBody<'${operationId}'>;`,
      `/** Success body of \`${operationId}\` (\`code\` 200), ids as exact strings. */`,
      `export type ${name}Response = OkBody<'${operationId}'>;`,
    ].join('\n');
  });
  const binders = groups.map(
    (g) => `    ${g}: {\n${ops
      .filter((o) => o.group === g)
      .map((o) => `      ${o.action}: bind('${o.operationId}'),`)
      .join('\n')}\n    },`,
  );
  return `import type { operations, components } from './schema.js';
import type { CallOptions } from '../options.js';

/** Every operationId of the spec. */
export type OperationId =
${ops.map((o) => `  | '${o.operationId}'`).join('\n')};

/** What the client needs to know about an operation. */
export interface OperationMeta {
  /** Path under the base URL, e.g. '/qchat/createServer.action'. */
  readonly path: string;
  /** Facade group: \`nim.qchat\` or \`nim.chatroom\`. */
  readonly group: 'qchat' | 'chatroom';
  /** Facade method name, the vendor's action. */
  readonly action: string;
  /** Where response ids sit: keys, '*' = every array item, '**' = every map value. */
  readonly ids: readonly (readonly string[])[];
  /** Fields that may arrive as JSON text and are returned parsed (docs/adr/0042), parents first. */
  readonly json: readonly (readonly string[])[];
  /** Fields that may arrive as decimal strings and are returned as numbers (docs/adr/0042). */
  readonly ints: readonly (readonly string[])[];
}

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

/** Performs one operation: validate, sign, send, retry, and resolve with the success body. */
export type OperationCaller = <Op extends OperationId>(operationId: Op, body: RequestBody<Op>, options?: CallOptions) => Promise<OkBody<Op>>;

/** Route, facade name, response id paths and encoding alternatives of every operation. */
export const operationTable: { readonly [Op in OperationId]: OperationMeta } = /* @__PURE__ */ expandOperations({
${rows.join('\n')}
});

type Row = [OperationMeta['ids'], (string | 0)?, OperationMeta['json']?, OperationMeta['ints']?];

function expandOperations(rows: Record<OperationId, Row>): { readonly [Op in OperationId]: OperationMeta } {
  const table = {} as Record<OperationId, OperationMeta>;
  for (const operationId of Object.keys(rows) as OperationId[]) {
    const [ids, path, json = [], ints = []] = rows[operationId];
    const group = operationId.startsWith('qchat') ? 'qchat' : 'chatroom';
    const action = operationId.charAt(group.length).toLowerCase() + operationId.slice(group.length + 1);
    table[operationId] = Object.freeze({ path: path || \`/\${group}/\${action}.action\`, group, action, ids, json, ints });
  }
  return Object.freeze(table);
}

${named.join('\n')}

${facade.join('\n\n')}

/** The generated facade: \`nim.qchat.createServer({...})\`. */
export interface NimFacade {
${groups.map((g) => `  readonly ${g}: ${pascal(g)}Api;`).join('\n')}
}

/** Builds the facade over \`call\`; each method is checked against its interface above. */
export function bindFacade(call: OperationCaller): NimFacade {
  const bind =
    <Op extends OperationId>(operationId: Op) =>
    (body: RequestBody<Op>, options?: CallOptions): Promise<OkBody<Op>> =>
      call(operationId, body, options);
  return {
${binders.join('\n')}
  };
}
`;
}

/** The naming convention: qchatCreateServer -> group qchat, action createServer, path /qchat/createServer.action. */
function deriveRoute(operationId) {
  const group = operationId.startsWith('qchat') ? 'qchat' : 'chatroom';
  const action = operationId.charAt(group.length).toLowerCase() + operationId.slice(group.length + 1);
  return { group, action, path: `/${group}/${action}.action` };
}

function dedupe(paths) {
  const seen = new Set();
  return paths.filter((p) => {
    const k = p.join('.');
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
