// openapi-typescript with two transforms: a request's JSON-in-form field takes its contentSchema's type (callers
// pass the JSON value; the client encodes it), and `format: nim-id` is a string (exact 64-bit ids).
import openapiTS, { astToString, transformSchemaObject } from 'openapi-typescript';
import ts from 'typescript';
import { FORM } from '@nimkit/spec-lib';

const STRING = ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword);

/** Names of the component schemas reachable from request bodies. */
/** @param {Record<string, any>} spec */
function requestSchemaNames(spec) {
  /** @type {Set<string>} */
  const names = new Set();
  /** @param {any} node */
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/components/schemas/')) {
      const name = node.$ref.split('/').pop();
      if (!names.has(name)) {
        names.add(name);
        visit(spec.components.schemas[name]);
      }
    }
    Object.values(node).forEach(visit);
  };
  for (const item of Object.values(spec.paths)) visit(item.post?.requestBody?.content?.[FORM]);
  return names;
}

/** @param {Record<string, any>} spec */
export async function generateTypes(spec) {
  const requestNames = requestSchemaNames(spec);
  const ast = await openapiTS(/** @type {import('openapi-typescript').OpenAPI3} */ (structuredClone(spec)), {
    silent: true,
    // A `default` documents what the vendor assumes when a field is left out; it must not make the field required.
    defaultNonNullable: false,
    // A free-form JSON object (`pushPayload`, `yidunAntiCheating`: `type: object` and nothing else) takes any keys;
    // without this it would be Record<string, never> and no caller could put anything in it.
    emptyObjectsUnknown: true,
    transform(schema, options) {
      if (schema.format === 'nim-id') return STRING;
      // In responses a JSON-in-JSON value (QChat `auths`, robot `failAccids`) really arrives as a string.
      const owner = /^#\/components\/schemas\/([^/]+)/.exec(options.path ?? '')?.[1];
      const inRequest = owner ? requestNames.has(owner) : options.path?.includes(FORM.replace(/\//g, '~1'));
      // contentSchema is OpenAPI 3.1 (JSON Schema 2020-12); openapi-typescript's SchemaObject type lacks it.
      const { contentSchema } = /** @type {{ contentSchema?: import('openapi-typescript').SchemaObject }} */ (schema);
      if (contentSchema && inRequest) return transformSchemaObject(contentSchema, options);
      return undefined;
    },
  });
  return astToString(ast);
}
