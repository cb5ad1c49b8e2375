// The two checks Prism 5.14 skips on form bodies, done with ajv over the spec's own schemas:
// unknown fields (additionalProperties: false) and the JSON inside a form field (contentSchema).
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export function createGapChecker(operations) {
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  addFormats(ajv);
  ajv.addFormat('nim-id', true);
  const checkers = new Map();
  for (const [path, { request }] of operations) {
    const known = new Set(Object.keys(request.properties ?? {}));
    const json = Object.entries(request.properties ?? {})
      .filter(([, s]) => s.contentSchema)
      .map(([name, s]) => [name, ajv.compile(s.contentSchema)]);
    checkers.set(path, { closed: request.additionalProperties === false, known, json });
  }
  /** Returns the problems found (vendor-style messages naming the field); empty when there are none. */
  return function check(path, form) {
    const c = checkers.get(path);
    const problems = [];
    if (!c) return problems;
    if (c.closed) {
      for (const key of Object.keys(form)) if (!c.known.has(key)) problems.push(`unknown parameter '${key}'`);
    }
    for (const [name, validate] of c.json) {
      if (form[name] === undefined) continue;
      let value;
      try {
        value = JSON.parse(form[name]);
      } catch {
        problems.push(`${name} is not valid JSON`);
        continue;
      }
      if (!validate(value)) {
        const e = validate.errors[0];
        problems.push(`${name}${e.instancePath.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')} ${e.message}`);
      }
    }
    return problems;
  };
}
