// The checks Prism 5.14 skips on form bodies, done with ajv over the spec's own schemas: unknown fields
// (additionalProperties: false), the JSON inside a form field (contentSchema), and a body's `allOf` if/then rules
// (qchatSendAttachMsg: toType 2 or 4 needs channelId). (Prism copies only the declared properties out of a form
// body before validating, ajv treats contentSchema as an annotation, and an `if` comparing toType with 2 sees the
// form's string "2".)
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ID_PATTERN, INT64_MAX } from './form.js';

/**
 * Compiles the checks of every operation once; returns check(path, form) -> [{ field, message }].
 * @param {Map<string, import('@nimkit/spec-lib').OperationDetail>} operations
 */
export function createGapChecker(operations) {
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  addFormats(ajv);
  ajv.addFormat('nim-id', true);
  // Conditional rules report every field they require, not only the first.
  const ajvAll = new Ajv2020({ allErrors: true, strict: false });
  const checkers = new Map();
  for (const [path, { request }] of operations) {
    const properties = request.properties ?? {};
    const json = Object.entries(properties)
      .filter(([, s]) => s && typeof s === 'object' && s.contentSchema)
      .map(([name, s]) => [name, ajv.compile(s.contentSchema)]);
    const rules = Array.isArray(request.allOf) && request.allOf.length ? ajvAll.compile({ allOf: request.allOf }) : undefined;
    const scalars = Object.entries(properties).filter(([, s]) => ['integer', 'number', 'boolean'].includes(s?.type));
    checkers.set(path, { closed: request.additionalProperties === false, known: new Set(Object.keys(properties)), json, rules, scalars });
  }

  return function check(/** @type {string} */ path, /** @type {Record<string, string>} */ form) {
    const c = checkers.get(path);
    /** @type {{ field: string, message: string }[]} */
    const problems = [];
    if (!c) return problems;
    if (c.closed) {
      for (const key of Object.keys(form)) if (!c.known.has(key)) problems.push({ field: key, message: `unknown parameter '${key}'` });
    }
    for (const [name, validate] of c.json) {
      if (form[name] === undefined) continue;
      let value;
      try {
        value = JSON.parse(form[name]);
      } catch {
        problems.push({ field: name, message: `${name} is not valid JSON` });
        continue;
      }
      if (!validate(value)) {
        problems.push({ field: name, message: describeAjvError(name, value, validate.errors[0]) });
      }
    }
    if (c.rules && !c.rules(typed(form, c.scalars))) {
      for (const e of c.rules.errors) {
        if (e.keyword === 'if') continue; // the wrapper of the errors below
        const field = e.keyword === 'required' ? e.params.missingProperty : e.instancePath.split('/')[1] ?? '';
        problems.push({ field, message: e.keyword === 'required' ? `${field} is required` : `${field} ${e.message}` });
      }
    }
    return problems;
  };
}

/**
 * A copy of the form with integer, number and boolean fields as JSON values, for rules that compare them.
 * @param {Record<string, string>} form
 * @param {[string, Record<string, any>][]} scalars
 */
function typed(form, scalars) {
  /** @type {Record<string, unknown>} */
  const out = { ...form };
  for (const [name, s] of scalars) {
    const v = form[name];
    if (v === undefined) continue;
    if (s.type === 'boolean') out[name] = v === 'true' ? true : v === 'false' ? false : v;
    else if (v.trim() !== '' && Number.isFinite(Number(v))) out[name] = Number(v);
  }
  return out;
}

/**
 * One ajv error inside a JSON-in-form field, worded like Prism's: `serverIds[1] must match pattern ...`.
 * @param {string} name
 * @param {unknown} value
 * @param {import('ajv').ErrorObject} e
 */
function describeAjvError(name, value, e) {
  const where = name + fieldPath(value, e.instancePath);
  const { params = {} } = e;
  if (e.keyword === 'required') return `${where}.${params.missingProperty} is required`;
  if (e.propertyName !== undefined) return `${where} key '${e.propertyName}' ${e.message}${allowed(params)}`;
  if (params.additionalProperty !== undefined) return `${where} must not have the property '${params.additionalProperty}'`;
  if (params.pattern === ID_PATTERN) return `${where} must be a decimal id from 0 to ${INT64_MAX}`;
  return `${where} ${e.message}${allowed(params)}`;
}

/**
 * A JSON pointer into `value` -> `[2].name` (array indexes in brackets, other keys dotted or quoted).
 * @param {unknown} value
 * @param {string} pointer
 */
function fieldPath(value, pointer) {
  let out = '';
  let cur = /** @type {any} */ (value);
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += Array.isArray(cur) ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
    cur = cur?.[key];
  }
  return out;
}

/**
 * @param {Record<string, any>} params
 */
function allowed(params) {
  return Array.isArray(params.allowedValues) ? `: ${params.allowedValues.join(', ')}` : '';
}
