// openapi-typescript with transforms, then one named declaration per component schema.
// Transforms: a request's JSON-in-form field takes its contentSchema's type (callers pass the JSON value; the client
// encodes it), `format: nim-id` and `x-nim-int64` are strings (exact 64-bit ids and counts), a response field with two
// encodings (docs/adr/0042) has only the normalised shape the client returns, and a whole named integer enum is its
// constant's union type (enums.ts). Afterwards every `components["schemas"]["X"]` becomes a top-level
// `export interface X` (or type alias) referenced by name, so compiler errors and editor hovers say
// `QchatServerInfo`, not the structure; `components` still maps each name for openapi-fetch. JSDoc `@description`
// tags become plain doc text.
import openapiTS, { astToString, transformSchemaObject } from 'openapi-typescript';
import ts from 'typescript';
import { FORM, normalisedBranch } from '@nimkit/spec-lib';
import { isWholeNamedEnum, namedEnums } from './enums.mjs';

const STRING = ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword);
const NUMBER = ts.factory.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword);

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
  const enums = namedEnums(spec);
  const ast = await openapiTS(/** @type {import('openapi-typescript').OpenAPI3} */ (structuredClone(spec)), {
    silent: true,
    // A `default` documents what the vendor assumes when a field is left out; it must not make the field required.
    defaultNonNullable: false,
    // A free-form JSON object (`pushPayload`, `yidunAntiCheating`: `type: object` and nothing else) takes any keys;
    // without this it would be Record<string, never> and no caller could put anything in it.
    emptyObjectsUnknown: true,
    transform(schema, options) {
      if (schema.format === 'nim-id' || schema['x-nim-int64'] === true) return STRING;
      const normal = normalisedBranch(spec, schema);
      if (normal) return transformSchemaObject({ description: schema.description, ...normal }, options);
      if (isWholeNamedEnum(schema, enums)) return ts.factory.createTypeReferenceNode(/** @type {string} */ (schema.title));
      // `status`: a named set or any app-defined integer from 10000 up, i.e. a number.
      if (schema.type === 'integer' && schema.anyOf) return NUMBER;
      // In responses a JSON-in-JSON value (QChat `auths`, robot `failAccids`) really arrives as a string.
      const owner = /^#\/components\/schemas\/([^/]+)/.exec(options.path ?? '')?.[1];
      const inRequest = owner ? requestNames.has(owner) : options.path?.includes(FORM.replace(/\//g, '~1'));
      // contentSchema is OpenAPI 3.1 (JSON Schema 2020-12); openapi-typescript's SchemaObject type lacks it.
      const { contentSchema } = /** @type {{ contentSchema?: import('openapi-typescript').SchemaObject }} */ (schema);
      if (contentSchema && inRequest) return transformSchemaObject(contentSchema, options);
      return undefined;
    },
  });
  const text = plainDocs(astToString(ast), new Set(enums.keys()));
  return nameComponents(text, [...enums.keys()]);
}

/**
 * Lifts every member of `components.schemas` to a top-level named declaration and refers to it by name.
 * @param {string} text @param {string[]} enumNames
 */
function nameComponents(text, enumNames) {
  const file = ts.createSourceFile('schema.ts', text, ts.ScriptTarget.Latest, true);
  const components = /** @type {ts.InterfaceDeclaration} */ (
    file.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === 'components')
  );
  // openapi-typescript always writes `schemas` as a property holding a type literal of named properties.
  const schemas = /** @type {any} */ (components.members.find((m) => /** @type {ts.Identifier | undefined} */ (m.name)?.text === 'schemas'));
  /** @type {string[]} */
  const declarations = [];
  /** @type {string[]} */
  const names = [];
  for (const member of schemas.type.members) {
    const name = member.name.text;
    names.push(name);
    const type = member.type.getText(file);
    if (type === name) continue; // a named enum: declared in enums.ts
    const doc = leadingDoc(text, member, name);
    declarations.push(
      ts.isTypeLiteralNode(member.type) ? `${doc}export interface ${name} ${dedent(type)}` : `${doc}export type ${name} = ${dedent(type)};`,
    );
  }
  // paths, components (now a name map), the named declarations, operations; webhooks and $defs are always empty.
  const parts = file.statements
    .filter((s) => !(ts.isTypeAliasDeclaration(s) && ['webhooks', '$defs'].includes(s.name.text)))
    .flatMap((s) => (s === components ? [componentsMap(names), ...declarations] : [text.slice(s.getFullStart(), s.getEnd()).replace(/^\n+/, '')]));
  const used = enumNames.filter((n) => new RegExp(`\\b${n}\\b`).test(text));
  const out = [`import type { ${used.join(', ')} } from './enums.js';`, '', ...parts].join('\n');
  return out.replace(/components\["schemas"\]\["(\w+)"\]/g, '$1') + '\n';
}

/** `components` for openapi-fetch: each schema by its name. @param {string[]} names */
function componentsMap(names) {
  return `export interface components {\n    schemas: {\n${names.map((n) => `        ${n}: ${n};`).join('\n')}\n    };\n    responses: never;\n    parameters: never;\n    requestBodies: never;\n    headers: never;\n    pathItems: never;\n}`;
}

/**
 * The JSDoc block right before a member, without a first line that only repeats the name (the schema's title).
 * @param {string} text @param {ts.Node} member @param {string} name
 */
function leadingDoc(text, member, name) {
  const lead = text.slice(member.getFullStart(), member.getStart()).trim();
  if (!lead.startsWith('/**') || lead === `/** ${name} */`) return '';
  const lines = dedent(lead).split('\n').filter((line, i) => !(i === 1 && line.trim() === `* ${name}`));
  if (lines.length === 2 && lines[0] === '/**') return '';
  return lines.join('\n') + '\n';
}

/** Removes the 8 spaces of nesting a member had inside `components.schemas`. */
const dedent = (/** @type {string} */ s) => s.replace(/\n {8}/g, '\n');

/**
 * openapi-typescript writes descriptions as `@description` tags, which editors show as a tag after the type; a
 * description is the doc comment's text itself. Continuation lines lose the tag's extra indent. Lines that only
 * repeat what the type says (`@enum {integer}`, `@constant`, the title of a named enum) go.
 * @param {string} text @param {Set<string | undefined>} enumNames
 */
function plainDocs(text, enumNames) {
  let inDescription = false;
  /** @param {string} line */
  const noise = (line) => {
    const body = /^\s*(?:\/\*\*|\*)\s*(.*?)\s*(?:\*\/)?$/.exec(line)?.[1];
    return body === '@enum {integer}' || body === '@constant' || enumNames.has(body);
  };
  return text
    .split('\n')
    .filter((line) => !noise(line))
    .map((line) => {
      const tagged = /^(\s*(?:\/\*\*|\*) )@description (.*)$/.exec(line);
      if (tagged) {
        inDescription = !line.trimEnd().endsWith('*/');
        return `${tagged[1]}${tagged[2]}`;
      }
      if (inDescription) {
        const continued = /^(\s*\*) {5}(.*)$/.exec(line);
        if (continued) return `${continued[1]} ${continued[2]}`;
        inDescription = false;
      }
      return line;
    })
    .join('\n')
    .replace(/\n\s*\/\*\*\n\s*\*\/(?=\n)/g, '');
}
