// Ajv standalone validators of every request body, in the shape callers pass (JSON-in-form fields as JSON values),
// compiled at build time so the client never compiles schemas at run time.
import Ajv2020, { _, str } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { listOperations, requestSchema, toClientShape } from '@nimkit/spec-lib';

/**
 * The wire `maxLength` of a JSON-in-form field (`pushPayload` at most 2000 characters) limits the JSON text the
 * client sends, which the caller's shape (the contentSchema's object or array) cannot express: this keyword checks
 * the length of `JSON.stringify(value)` in code points, as the form encoding sends it and as maxLength counts.
 */
export const ENCODED_MAX_LENGTH = 'nimEncodedMaxLength';

// ajv's standalone output require()s these; inlined so the module is plain ESM with no dependency.
/** @type {Record<string, string>} */
const RUNTIME = {
  ucs2length: 'function (s) { let n = 0; for (const _ of s) n++; return n; }',
  equal: 'function (a, b) { return JSON.stringify(a) === JSON.stringify(b); }',
};

/** @param {Record<string, any>} spec */
export function generateValidators(spec) {
  const ajv = new Ajv2020({ code: { source: true, esm: true, lines: false }, allErrors: true, strict: false });
  ajv.addFormat('nim-id', true);
  ajv.addKeyword({
    keyword: ENCODED_MAX_LENGTH,
    schemaType: 'number',
    error: {
      message: ({ schemaCode }) => str`must NOT have more than ${schemaCode} characters as JSON`,
      params: ({ schemaCode }) => _`{limit: ${schemaCode}}`,
    },
    code(cxt) {
      // Only objects and arrays: any other value already fails the field's type.
      const { data, schemaCode } = cxt;
      cxt.fail(_`typeof ${data} == "object" && ${data} !== null && [...JSON.stringify(${data})].length > ${schemaCode}`);
    },
  });
  /** @type {Record<string, string>} */
  const exportsMap = {};
  for (const { operationId, op } of listOperations(spec)) {
    ajv.addSchema(stripAnnotations(callerShape(requestSchema(spec, op))), operationId);
    exportsMap[operationId] = operationId;
  }
  let code = standaloneCode(ajv, exportsMap);
  code = code.replace(/const (\w+) = require\("ajv\/dist\/runtime\/(\w+)"\)\.default;/g, (_, name, mod) => {
    if (!RUNTIME[mod]) throw new Error(`ajv runtime module ${mod} is not inlined`);
    return `const ${name} = ${RUNTIME[mod]};`;
  });
  if (code.includes('require(')) throw new Error('validators still require() a module');
  const keyword = `/** The keyword of the wire maxLength of a JSON-in-form field in these validators' errors. */\nexport const ENCODED_MAX_LENGTH = ${JSON.stringify(ENCODED_MAX_LENGTH)};\n`;
  return `// @ts-nocheck\n/* eslint-disable */\n${code.replace(/^"use strict";/, '')}\n${keyword}`;
}

/** The caller's shape of a request, JSON-in-form fields keeping their wire maxLength as ENCODED_MAX_LENGTH. */
/** @param {Record<string, any>} wire */
function callerShape(wire) {
  const shape = toClientShape(wire);
  for (const [name, prop] of Object.entries(wire.properties ?? {})) {
    if (prop.contentSchema && prop.maxLength !== undefined) {
      shape.properties[name] = { ...shape.properties[name], [ENCODED_MAX_LENGTH]: prop.maxLength };
    }
  }
  return shape;
}

/** Drops what validation does not need, so the bundle stays small. */
/**
 * @param {any} node
 * @returns {any}
 */
function stripAnnotations(node) {
  if (Array.isArray(node)) return node.map(stripAnnotations);
  if (!node || typeof node !== 'object') return node;
  /** @type {Record<string, any>} */
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'description' || k === 'examples' || k === 'title' || k.startsWith('x-') || k === 'default') continue;
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, stripAnnotations(s)])) : stripAnnotations(v);
  }
  return out;
}
