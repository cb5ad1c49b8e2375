// The status-code table of the introduction, generated from the spec's ErrorCode schema
// (x-enumDescriptions hold 'English / 中文'), so the page can never disagree with the spec.
/**
 * @param {Record<string, any>} spec
 */
export function statusCodeTable(spec) {
  const schema = spec.components.schemas.ErrorCode;
  const descriptions = schema['x-enumDescriptions'] ?? {};
  const rows = schema.enum.map((/** @type {number} */ code) => {
    const text = descriptions[String(code)];
    if (!text) throw new Error(`ErrorCode ${code} has no x-enumDescriptions entry`);
    const [en, zh = ''] = text.split(' / ');
    return `| ${code} | ${cell(en)} | ${cell(zh)} |`;
  });
  return ['| code | meaning | 中文 |', '|---|---|---|', '| 200 | Success | 操作成功 |', ...rows].join('\n');
}

/**
 * @param {string} text
 */
function cell(text) {
  return text.trim().replace(/\|/g, '\\|');
}
