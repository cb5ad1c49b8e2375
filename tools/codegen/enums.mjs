// Named constants for the spec's coded values: every integer `enum` carries `x-enum-varnames` (one name per value)
// and a `title` naming the set (ChatroomMsgType). Several schemas may share a title when they list the same values
// or a subset with the same names (server-level permissions allow only Deny and Allow of QchatAuthDecision); the
// constant is the widest of them.

/**
 * Every integer enum of the spec (conditions under `if` excluded): { node, where }.
 * @param {Record<string, any>} spec @returns {{ node: Record<string, any>, where: string }[]}
 */
export function integerEnums(spec) {
  /** @type {{ node: Record<string, any>, where: string }[]} */
  const found = [];
  (/** @param {any} node @param {string} where */ function walk(node, where) {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((/** @type {unknown} */ n, /** @type {number} */ i) => walk(n, `${where}/${i}`));
    if (Array.isArray(node.enum) && node.enum.length && node.enum.every(Number.isInteger)) found.push({ node, where });
    for (const [key, value] of Object.entries(node)) {
      // `if` holds a condition on values defined elsewhere, and examples hold data, not schemas.
      if (key !== 'if' && key !== 'examples' && key !== 'example') walk(value, `${where}/${key}`);
    }
  })(spec.components.schemas, '#/components/schemas');
  return found;
}

/**
 * Problems with the names of the spec's integer enums (empty when every one is named); used by a contract test.
 * @param {Record<string, any>} spec @returns {string[]}
 */
export function enumNameProblems(spec) {
  const problems = [];
  for (const { node, where } of integerEnums(spec)) {
    const names = node['x-enum-varnames'];
    if (!Array.isArray(names) || names.length !== node.enum.length) problems.push(`${where}: x-enum-varnames must name each of ${JSON.stringify(node.enum)}`);
    else if (!names.every((n) => /^[A-Z][A-Za-z0-9]*$/.test(n)) || new Set(names).size !== names.length) problems.push(`${where}: x-enum-varnames must be distinct PascalCase names`);
    if (!/^[A-Z][A-Za-z0-9]*$/.test(node.title ?? '')) problems.push(`${where}: an integer enum needs a PascalCase title (the constant's name)`);
  }
  try {
    namedEnums(spec);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  return problems;
}

/**
 * @typedef {{ values: Map<number, string>, size: number, description: string | undefined, descriptions: Record<string, string> }} NamedEnum
 */

/**
 * title -> { values: Map<value, name>, description, descriptions } with subsets merged; throws on a conflict.
 * @param {Record<string, any>} spec @returns {Map<string, NamedEnum>}
 */
export function namedEnums(spec) {
  /** @type {Map<string, NamedEnum>} */
  const sets = new Map();
  for (const { node, where } of integerEnums(spec)) {
    if (!node.title || !node['x-enum-varnames']) continue;
    const entry = sets.get(node.title) ?? { values: new Map(), size: 0, description: undefined, descriptions: {} };
    node.enum.forEach((/** @type {number} */ value, /** @type {number} */ i) => {
      const name = node['x-enum-varnames'][i];
      const known = entry.values.get(value);
      const clash = [...entry.values].find(([v, n]) => n === name && v !== value);
      if ((known !== undefined && known !== name) || clash) throw new Error(`${where}: ${node.title} names ${value} ${name}, elsewhere differently`);
      entry.values.set(value, name);
    });
    if (node.description && node.enum.length >= entry.size) entry.description = node.description;
    entry.size = Math.max(entry.size, node.enum.length);
    Object.assign(entry.descriptions, node['x-enumDescriptions']);
    sets.set(node.title, entry);
  }
  return new Map([...sets].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Whether a schema node lists every value of its named set (then its type is the set's named union).
 * @param {any} node @param {Map<string, NamedEnum>} sets
 */
export function isWholeNamedEnum(node, sets) {
  const set = node?.title && node['x-enum-varnames'] ? sets.get(node.title) : undefined;
  return set !== undefined && node.enum.length === set.values.size;
}

/** @param {Record<string, any>} spec @returns {string} the TypeScript module */
export function generateEnums(spec) {
  const blocks = [...namedEnums(spec)].map(([title, { values, description, descriptions }]) => {
    const members = [...values]
      .sort(([a], [b]) => a - b)
      .map(([value, name]) => {
        const doc = descriptions[String(value)];
        return `${doc ? `  /** ${value}: ${doc} */\n` : ''}  ${name}: ${value},`;
      });
    const doc = (description ?? title).trim().replace(/\s*\n\s*/g, ' ').replace(/\*\//g, '*\\/');
    return [
      `/** ${doc} */`,
      `export const ${title} = {\n${members.join('\n')}\n} as const;`,
      `/** ${[...values].sort(([a], [b]) => a - b).map(([v, n]) => `${v} ${n}`).join(', ')} (see the constant of the same name). */`,
      `export type ${title} = (typeof ${title})[keyof typeof ${title}];`,
    ].join('\n');
  });
  return `// Named constants of the spec's coded values (integer enums with x-enum-varnames), each with its literal union.\n\n${blocks.join('\n\n')}\n`;
}
