// The operation table the client is built from, the facade's types, a named request/response type per operation,
// and `bindFacade`, which builds the facade object from the operation table over the client's `call`.
import { listOperations, okSchema, idPaths, normalisePaths, pascal, FORM } from '@nimkit/spec-lib';

/** @param {Record<string, any>} spec */
export function generateOperations(spec) {
  const ops = listOperations(spec);
  // Compact rows per group (the spec's x-nim-group), keyed by action: the ids, the path only where it is not
  // /<group>/<action>.action (else 0), then the encoding alternatives' paths when there are any; expandOperations()
  // below rebuilds { path, group, action, ids, json, ints } at load time (a smaller bundle than every field spelled out).
  const groups = [...new Set(ops.map((o) => o.group))];
  const rows = groups.map((g) => {
    const lines = ops
      .filter((o) => o.group === g)
      .map(({ path, group, action, op }) => {
        const ok = okSchema(spec, op);
        const { json, ints } = normalisePaths(spec, ok);
        /** @type {unknown[]} */
        const row = [dedupe(idPaths(ok)), path === `/${group}/${action}.action` ? 0 : path];
        if (json.length || ints.length) row.push(json, ints);
        while (row.length > 1 && row[row.length - 1] === 0) row.pop();
        return `    ${action}: ${JSON.stringify(row)},`;
      });
    return `  ${g}: {\n${lines.join('\n')}\n  },`;
  });
  const typed = ops.map((/** @type {any} */ o) => ({ ...o, name: pascal(o.operationId), req: refName(o.op.requestBody.content[FORM].schema), ok: refName(o.op.responses['200'].content['application/json'].schema.oneOf[0]) }));
  const facade = groups.map((g) => {
    const methods = typed
      .filter((o) => o.group === g)
      .map((o) => `${methodDoc(o)}\n  ${o.action}(body: ${o.name}Request, options?: CallOptions): Promise<${o.name}Ok>;`);
    return `/** The ${g} operations, one method per vendor action. */\nexport interface ${pascal(g)}Api {\n${methods.join('\n')}\n}`;
  });
  // Every operation has <Op>Request and <Op>Ok; an operation whose body is a shared schema (OkResponse) gets an alias.
  const aliases = typed.flatMap(({ name, req, ok, operationId }) => [
    ...(req === `${name}Request` ? [] : [`/** Request body of \`${operationId}\`. */\nexport type ${name}Request = ${req};`]),
    ...(ok === `${name}Ok` ? [] : [`/** Success body of \`${operationId}\` (\`code\` 200). */\nexport type ${name}Ok = ${ok};`]),
    `/** @deprecated Use {@link ${name}Ok}. */\nexport type ${name}Response = ${name}Ok;`,
  ]);
  const imported = [...new Set(typed.flatMap(({ req, ok }) => [req, ok]))].sort();
  return `import type {\n${imported.map((n) => `  ${n},`).join('\n')}\n} from './schema.js';
import type { CallOptions } from '../options.js';

/** The facade's namespaces: the spec's x-tagGroups entries with an x-nim-group. */
export type NimGroup = ${groups.map((g) => `'${g}'`).join(' | ')};

/** Every operationId of the spec. */
export type OperationId =
${ops.map((o) => `  | '${o.operationId}'`).join('\n')};

/** What the client needs to know about an operation. */
export interface OperationMeta {
  /** Path under the base URL, e.g. '/qchat/createServer.action'. */
  readonly path: string;
  /** Facade group (\`nim.<group>\`), the spec's x-nim-group. */
  readonly group: NimGroup;
  /** Facade method name, the vendor's action. */
  readonly action: string;
  /** Where response ids and 64-bit counts sit (returned as exact strings): keys, '*' = every array item, '**' = every map value. */
  readonly ids: readonly (readonly string[])[];
  /** Fields that may arrive as JSON text and are returned parsed (docs/adr/0042), parents first. */
  readonly json: readonly (readonly string[])[];
  /** Fields that may arrive as decimal strings and are returned as numbers (docs/adr/0042). */
  readonly ints: readonly (readonly string[])[];
}

/** Request body type of every operation. */
export interface RequestBodies {
${typed.map(({ operationId, name }) => `  ${operationId}: ${name}Request;`).join('\n')}
}

/** Success body type of every operation. */
export interface OkBodies {
${typed.map(({ operationId, name }) => `  ${operationId}: ${name}Ok;`).join('\n')}
}

/** The form body an operation takes (JSON-in-form fields as their JSON values, ids as strings). */
export type RequestBody<Op extends OperationId> = RequestBodies[Op];

/** The success body of an operation (\`code\` 200), ids as exact strings. */
export type OkBody<Op extends OperationId> = OkBodies[Op];

/** Performs one operation: validate, sign, send, retry, and resolve with the success body. */
export type OperationCaller = <Op extends OperationId>(operationId: Op, body: RequestBody<Op>, options?: CallOptions) => Promise<OkBody<Op>>;

/** Route, facade name, response id paths and encoding alternatives of every operation. */
export const operationTable: { readonly [Op in OperationId]: OperationMeta } = /* @__PURE__ */ expandOperations({
${rows.join('\n')}
});

type Row = [OperationMeta['ids'], (string | 0)?, OperationMeta['json']?, OperationMeta['ints']?];

function expandOperations(groups: Record<NimGroup, Record<string, Row>>): { readonly [Op in OperationId]: OperationMeta } {
  const table = {} as Record<OperationId, OperationMeta>;
  for (const group of Object.keys(groups) as NimGroup[]) {
    for (const [action, [ids, path, json = [], ints = []]] of Object.entries(groups[group])) {
      const operationId = (group + action.charAt(0).toUpperCase() + action.slice(1)) as OperationId;
      table[operationId] = Object.freeze({ path: path || \`/\${group}/\${action}.action\`, group, action, ids, json, ints });
    }
  }
  return Object.freeze(table);
}

${aliases.join('\n')}

${facade.join('\n\n')}

/** The generated facade: \`nim.qchat.createServer({...})\`. */
export interface NimFacade {
${groups.map((g) => `  readonly ${g}: ${pascal(g)}Api;`).join('\n')}
}

/**
 * Builds the facade over \`call\` from the operation table: one method per operation, \`nim[group][action]\`. A loop
 * rather than a spelled-out object literal keeps the bundle small; the methods' types come from {@link NimFacade}.
 */
export function bindFacade(call: OperationCaller): NimFacade {
  const facade: Record<string, Record<string, unknown>> = {};
  for (const [operationId, { group, action }] of Object.entries(operationTable) as [OperationId, OperationMeta][]) {
    (facade[group] ??= {})[action] = (body: never, options?: CallOptions) => call(operationId, body, options);
  }
  return facade as unknown as NimFacade;
}
`;
}

/** @param {string[][]} paths */
function dedupe(paths) {
  const seen = new Set();
  return paths.filter((p) => {
    const k = p.join('.');
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

const refName = (/** @type {{ $ref: string }} */ schema) => schema.$ref.split('/').pop();

/** A facade method's doc: summary and Chinese title, the route, the vendor's page. */
/** @param {{ op: Record<string, any>, path: string }} operation */
function methodDoc({ op, path }) {
  const lines = [`${op.summary} (${op['x-nim-title']})`, '', `\`POST ${path}\``];
  if (op.externalDocs?.url) lines.push('', `@see {@link ${op.externalDocs.url} | ${op.externalDocs.description ?? 'Vendor documentation'}}`);
  return `  /**\n${lines.map((l) => `   * ${l}`.trimEnd()).join('\n')}\n   */`;
}
