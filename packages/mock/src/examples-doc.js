// EXAMPLES.md: every example name per operation, generated from the spec (scripts/examples-doc.js writes and checks it).
import { deref, okMedia } from './spec.js';

export const EXAMPLES_DOC_BANNER =
  '<!-- GENERATED from the bundled spec by packages/mock/scripts/examples-doc.js - do not edit; run `npm run examples -w @nimkit/mock`. -->';

/**
 * The markdown of EXAMPLES.md for a bundled spec.
 * @param {Record<string, any>} spec
 */
export function renderExamplesDoc(spec) {
  /** @type {{ name: string, tags: string[] }[]} */
  const groups = spec['x-tagGroups'] ?? [{ name: 'Operations', tags: (spec.tags ?? []).map((/** @type {{ name: string }} */ t) => t.name) }];
  /** @type {Map<string, string>} */
  const tagTitle = new Map((spec.tags ?? []).map((/** @type {Record<string, string>} */ t) => [t.name, t['x-displayName'] ?? t.name]));
  const bodies = new Map(); // error example name -> set of JSON bodies
  const rows = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    const op = item?.post;
    if (!op) continue;
    const examples = Object.entries(okMedia(op)?.examples ?? {}).map(([name, ex]) => {
      const value = deref(spec, ex).value;
      if (value?.code !== 200) (bodies.get(name) ?? bodies.set(name, new Set()).get(name)).add(JSON.stringify(value));
      return `\`${name}\` ${value?.code ?? '?'}`;
    });
    const tag = op.tags?.[0] ?? '';
    rows.push({ tag, line: `| \`${op.operationId}\` | \`${path}\` | ${op['x-nim-title'] ?? ''} | ${examples.join(' · ')} |` });
  }

  const out = [
    EXAMPLES_DOC_BANNER,
    '',
    '# Named examples of @nimkit/mock, per operation',
    '',
    'Without a `Prefer` header the mock answers a valid, signed request with the `ok` example (or, with `--dynamic`, a',
    'generated success body). Send `Prefer: example=<name>` to get another named example instead - the number after each',
    'name is the `code` it answers with. The request must still be valid and signed: a bad body or signature is answered',
    'with code 414 first, as the vendor would. An unknown name is answered HTTP 400 with the list of valid names.',
    '',
    '```bash',
    "curl -s -X POST http://127.0.0.1:4010/nimserver/qchat/createServer.action -H 'Prefer: example=rateLimited' \\",
    "  -H 'Content-Type: application/x-www-form-urlencoded;charset=utf-8' -d 'accid=zhangsan'   # add the auth headers, or start with --no-auth",
    '```',
    '',
    '## Error examples',
    '',
    'Every error example answers the same body in every operation that has it:',
    '',
    '| name | body |',
    '|---|---|',
  ];
  for (const [name, set] of [...bodies].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`| \`${name}\` | ${set.size === 1 ? `\`${[...set][0]}\`` : 'varies by operation'} |`);
  }
  for (const group of groups) {
    out.push('', `## ${group.name}`);
    for (const tag of group.tags) {
      const tagRows = rows.filter((r) => r.tag === tag);
      if (!tagRows.length) continue;
      out.push('', `### ${tagTitle.get(tag) ?? tag}`, '', '| operation | path | 中文 | examples (`Prefer: example=<name>`, code) |', '|---|---|---|---|');
      for (const r of tagRows) out.push(r.line);
    }
  }
  const listed = new Set(groups.flatMap((g) => g.tags));
  const rest = rows.filter((r) => !listed.has(r.tag));
  if (rest.length) {
    out.push('', '## Other operations', '', '| operation | path | 中文 | examples (`Prefer: example=<name>`, code) |', '|---|---|---|---|');
    for (const r of rest) out.push(r.line);
  }
  return out.join('\n') + '\n';
}
