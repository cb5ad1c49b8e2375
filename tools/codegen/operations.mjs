// The operation table the client is built from, the facade's types, a named request/response type per operation,
// and `bindFacade`, which builds the facade object from the client's `call` with every method type-checked.
import { listOperations, okSchema, idPaths, pascal } from '@nimkit/spec-lib';

/** @param {Record<string, any>} spec */
export function generateOperations(spec) {
  const ops = listOperations(spec);
  // Compact rows per group, keyed by action: the ids, and the path only where it is not /<group>/<action>.action;
  // expandOperations() below rebuilds { path, group, action, ids } at load time (a smaller bundle than spelling every
  // field out).
  const groups = [...new Set(ops.map((o) => o.group))];
  const rows = groups.map((g) => {
    const lines = ops
      .filter((o) => o.group === g)
      .map(({ path, group, action, op }) => {
        const ids = dedupe(idPaths(okSchema(spec, op)));
        const row = path === `/${group}/${action}.action` ? [ids] : [ids, path];
        return `    ${action}: ${JSON.stringify(row)},`;
      });
    return `  ${g}: {\n${lines.join('\n')}\n  },`;
  });
  const docOf = (/** @type {{ op: Record<string, any>, path: string }} */ { op, path }) => [`${op.summary} (${op['x-nim-title']})`, '', `\`POST ${path}\``];
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
  /** Where response ids sit: keys, '*' = every array item, '**' = every map value. */
  readonly ids: readonly (readonly string[])[];
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

/** Route, facade name and response id paths of every operation. */
export const operationTable: { readonly [Op in OperationId]: OperationMeta } = /* @__PURE__ */ expandOperations({
${rows.join('\n')}
});

function expandOperations(groups: Record<NimGroup, Record<string, [OperationMeta['ids'], string?]>>): { readonly [Op in OperationId]: OperationMeta } {
  const table = {} as Record<OperationId, OperationMeta>;
  for (const group of Object.keys(groups) as NimGroup[]) {
    for (const [action, [ids, path]] of Object.entries(groups[group])) {
      const operationId = (group + action.charAt(0).toUpperCase() + action.slice(1)) as OperationId;
      table[operationId] = Object.freeze({ path: path ?? \`/\${group}/\${action}.action\`, group, action, ids });
    }
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

/** @param {string[][]} paths */
function dedupe(paths) {
  const seen = new Set();
  return paths.filter((p) => {
    const k = p.join('.');
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
