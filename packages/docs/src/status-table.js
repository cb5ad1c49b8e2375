// The status-code table of the introduction, generated from the spec's ErrorCode schema.
export function statusCodeTable(spec) {
  const schema = spec.components.schemas.ErrorCode;
  const rows = schema.enum.map((code) => {
    const [en, zh] = schema['x-enumDescriptions'][String(code)].split(' / ');
    return `| ${code} | ${en} | ${zh} |`;
  });
  return ['## Status codes', '', '| code | meaning | 中文 |', '|---|---|---|', '| 200 | Success | 操作成功 |', ...rows].join('\n');
}
