// The vendor's status-code table (ErrorCode.x-enumDescriptions: 'English / 中文') as a typed constant.
/** @param {Record<string, any>} spec */
export function generateErrorCodes(spec) {
  const schema = spec.components.schemas.ErrorCode;
  const rows = schema.enum.map((/** @type {number} */ code) => {
    const text = schema['x-enumDescriptions'][String(code)];
    const cut = text.indexOf(' / ');
    if (cut < 0) throw new Error(`ErrorCode ${code}: description must read 'English / 中文'`);
    return `  ${code}: { en: ${JSON.stringify(text.slice(0, cut))}, zh: ${JSON.stringify(text.slice(cut + 3))} },`;
  });
  return `/** A documented error code of the vendor (the body's \`code\` when it is not 200). */
export type NimErrorCode = ${schema.enum.join(' | ')};

/** Meaning of every documented error code, in English and in the vendor's Chinese. */
export const errorCodes: Readonly<Record<NimErrorCode, { readonly en: string; readonly zh: string }>> = {
${rows.join('\n')}
};
`;
}
