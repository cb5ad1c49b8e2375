// One vendor-style 414 `desc` out of Prism's violations and the gap checks: `param error: <field> <rule>; ...`.

/**
 * Prism's violation -> { field, message }, e.g. `accid is required`, `inviteMode must be equal to one of ...`.
 * @param {Record<string, any>} v a Prism validation violation
 */
export function describeViolation(v) {
  const message = String(v.message).replace(/^Request body (property \S+ )?/, '');
  const required = /must have required property '(.+)'/.exec(message);
  if (required) return { field: required[1], message: `${required[1]} is required` };
  const where = Array.isArray(v.path) ? v.path : Array.isArray(v.location) ? v.location : [];
  // Only the leading 'body' is Prism's location; a form field may itself be called `body` (qchatSendMsg).
  const path = where[0] === 'body' ? where.slice(1) : where;
  const field = path[0] ?? '';
  return { field, message: path.length ? `${path.join('.')} ${message}` : message };
}

/**
 * The desc of a refused body, or undefined when there is nothing to refuse. A JSON-in-form field Prism already
 * refused (e.g. by its coarse pattern) is named once: the gap check only adds news.
 * @param {Record<string, any>[]} violations
 * @param {{ field: string, message: string }[]} gaps
 */
export function paramErrorDesc(violations, gaps) {
  const problems = violations.map(describeViolation);
  const named = new Set(problems.map((p) => p.field));
  for (const gap of gaps) if (!named.has(gap.field) || gap.message.startsWith('unknown parameter')) problems.push(gap);
  if (!problems.length) return undefined;
  return `param error: ${[...new Set(problems.map((p) => p.message))].join('; ')}`;
}
