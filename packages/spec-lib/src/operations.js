// The operations of a bundled spec: one POST with a form body per path, each in a group (`nim.qchat`, ...).
import { deref } from './deref.js';
import { groupAndAction, groupsByTag } from './groups.js';
import { FORM } from './load.js';

/**
 * @typedef {object} Operation
 * @property {string} operationId
 * @property {string} path e.g. '/qchat/createServer.action'
 * @property {string} group the facade namespace, e.g. 'qchat'
 * @property {string} action the facade method, the vendor's action: 'createServer'
 * @property {Record<string, any>} op the operation object as in the spec
 */

/**
 * Every POST operation in spec order, with its group and action (the facade's `nim.<group>.<action>`).
 * @param {Record<string, any>} spec
 * @returns {Operation[]}
 */
export function listOperations(spec) {
  const groups = groupsByTag(spec);
  return postOperations(spec).map(({ path, op }) => ({ operationId: op.operationId, path, ...groupAndAction(groups, op), op }));
}

/**
 * @param {Record<string, any>} spec
 * @returns {{ path: string, op: Record<string, any> }[]}
 */
function postOperations(spec) {
  return Object.entries(spec.paths)
    .filter(([, item]) => item?.post)
    .map(([path, item]) => ({ path, op: item.post }));
}

/**
 * @typedef {object} OperationDetail
 * @property {string} operationId
 * @property {string} path
 * @property {Record<string, any>} op the operation object as in the spec
 * @property {Record<string, any>} request the dereferenced wire-shape request schema
 * @property {{ name: string, code: number, summary: string }[]} examples the response examples, in spec order
 */

/**
 * path -> what serving an operation needs (the mock's view: any bundled spec, groups not required).
 * @param {Record<string, any>} spec
 * @returns {Map<string, OperationDetail>}
 */
export function operationsByPath(spec) {
  const map = new Map();
  for (const { path, op } of postOperations(spec)) {
    const examples = Object.entries(okMedia(op)?.examples ?? {}).map(([name, ex]) => {
      const { value, summary } = deref(spec, ex);
      return { name, code: value?.code, summary: summary ?? '' };
    });
    map.set(path, { operationId: op.operationId ?? path, path, op, request: requestSchema(spec, op), examples });
  }
  if (!map.size) throw new Error('the spec has no POST operation with a form body');
  return map;
}

/**
 * The request schema of an operation, fully dereferenced (wire shape: JSON-in-form fields are strings).
 * @param {Record<string, any>} spec
 * @param {Record<string, any>} op
 */
export function requestSchema(spec, op) {
  const schema = op.requestBody?.content?.[FORM]?.schema;
  if (!schema) throw new Error(`${op.operationId} has no ${FORM} request body`);
  return deref(spec, schema);
}

/**
 * The JSON content of an operation's one 200 response.
 * @param {Record<string, any>} op
 * @returns {Record<string, any> | undefined}
 */
export function okMedia(op) {
  return op.responses?.['200']?.content?.['application/json'];
}

/**
 * The success branch (`<Op>Ok`) of the 200 response, fully dereferenced.
 * @param {Record<string, any>} spec
 * @param {Record<string, any>} op
 */
export function okSchema(spec, op) {
  return deref(spec, okMedia(op)?.schema.oneOf[0]);
}

/**
 * Wire shape -> the shape callers pass: a JSON-in-form field becomes its contentSchema.
 * @param {Record<string, any>} schema
 */
export function toClientShape(schema) {
  /** @type {Record<string, any>} */
  const props = {};
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    props[name] = prop.contentSchema ? { description: prop.description, ...prop.contentSchema } : prop;
  }
  return { ...schema, properties: props };
}

/** @param {string} s */
export const pascal = (s) => s.charAt(0).toUpperCase() + s.slice(1);
