// A success body of an operation with an id above 2^53 at every place the spec marks `format: nim-id`, written as
// bare JSON numbers (as the vendor sends them), and where each id sits, to check the client returns them exactly.
import { idPaths, okSchema, sampleValue } from '@nimkit/spec-lib';

export interface PlacedId {
  /** Keys and indexes from the body's root. */
  at: Array<string | number>;
  id: string;
}

/** Distinct ids above 2^53: 2^53 + 1 (the first integer a double rounds), then down from 2^63 - 1. */
const idNumber = (i: number) => (i === 0 ? 2n ** 53n + 1n : 2n ** 63n - 1n - BigInt(i) * 9_973n).toString();

export function answerWithBigIds(spec: Record<string, any>, op: Record<string, any>): { text: string; ids: PlacedId[] } {
  const schema = okSchema(spec, op);
  const root: { body: Record<string, unknown> } = { body: { ...(sampleValue(schema, { full: true }) as object), code: 200 } };
  const ids: Array<PlacedId & { token: string }> = [];
  // A path reached through two branches (oneOf) is listed twice; each place gets one id.
  const paths = new Map((idPaths(schema) as string[][]).map((p) => [p.join('\u0000'), p]));
  for (const path of paths.values()) place(root, 'body', path, [], ids);
  let text = JSON.stringify(root.body);
  for (const { token, id } of ids) text = text.replace(JSON.stringify(token), id);
  return { text, ids: ids.map(({ at, id }) => ({ at, id })) };
}

function place(parent: any, key: string | number, path: string[], at: Array<string | number>, out: Array<PlacedId & { token: string }>): void {
  if (path.length === 0) {
    const token = `@@nim-id-${out.length}@@`;
    parent[key] = token;
    out.push({ at, id: idNumber(out.length), token });
    return;
  }
  const [segment, ...rest] = path as [string, ...string[]];
  let node = parent[key];
  if (segment === '*') {
    if (!Array.isArray(node)) node = parent[key] = [];
    if (!node.length) node.push({});
    node.forEach((_: unknown, i: number) => place(node, i, rest, [...at, i], out));
    return;
  }
  if (!node || typeof node !== 'object' || Array.isArray(node)) node = parent[key] = {};
  if (segment === '**') {
    if (!Object.keys(node).length) node['k1'] = {};
    for (const k of Object.keys(node)) place(node, k, rest, [...at, k], out);
    return;
  }
  place(node, segment, rest, [...at, segment], out);
}

/** The value at `at` inside `value`. */
export function valueAt(value: unknown, at: Array<string | number>): unknown {
  return at.reduce<any>((node, k) => (node === null || node === undefined ? undefined : node[k]), value);
}
