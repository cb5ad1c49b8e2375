// Code samples generated from the spec at build time, never written by hand (docs/adr/0032):
// - curl: signs the request in the shell and sends each form field with --data-urlencode, so curl URL-encodes
//   the JSON inside form fields exactly as the vendor expects; the fields are the client's own encoding
//   (encodeFormBody) of the spec's sample request;
// - TypeScript: the same request through the client's facade, destructuring the success payload.
import { encodeFormBody } from '@nimkit/client';
import { okSchema, sampleRequest } from '@nimkit/spec-lib';
import { tsLiteral } from './ts-literal.js';

/** Shell lines that compute the signature headers ("Signing a request" in the introduction explains them). */
export const SIGNING_PRELUDE = [
  `# Needs NIM_APP_KEY and NIM_APP_SECRET in the environment`,
  `NONCE=$(openssl rand -hex 16) CURTIME=$(date +%s)`,
  `CHECKSUM=$(printf %s "$NIM_APP_SECRET$NONCE$CURTIME" |`,
  `  openssl sha1 | awk '{print $NF}')`,
];

/**
 * @param {Record<string, any>} spec
 * @param {import('@nimkit/spec-lib').Operation} operation
 */
export function codeSamples(spec, { path, group, action, op }) {
  const body = sampleRequest(spec, op, { full: false });
  const host = spec.servers[0].url;
  return [
    { lang: 'Shell', label: 'curl', source: curl(host + path, formFields(body)) },
    { lang: 'TypeScript', label: 'TypeScript', source: typescript(group, action, body, payloadKeys(spec, op)) },
  ];
}

/**
 * The form fields the client sends for `body`, decoded: [name, text] pairs in order.
 * @param {Record<string, unknown>} body
 * @returns {[string, string][]}
 */
export function formFields(body) {
  return [...new URLSearchParams(encodeFormBody(body))];
}

/**
 * @param {string} url
 * @param {[string, string][]} fields
 */
export function curl(url, fields) {
  const data = fields.length ? fields.map(([k, v]) => `--data-urlencode ${shellQuote(`${k}=${v}`)}`) : [`--data ''`];
  return [
    ...SIGNING_PRELUDE,
    `curl ${shellQuote(url)} \\`,
    `  -H "AppKey: $NIM_APP_KEY" -H "Nonce: $NONCE" \\`,
    `  -H "CurTime: $CURTIME" -H "CheckSum: $CHECKSUM" \\`,
    `  -H 'Content-Type: application/x-www-form-urlencoded;charset=utf-8' \\`,
    data.map((d) => `  ${d}`).join(' \\\n'),
  ].join('\n');
}

/**
 * @param {string} group
 * @param {string} action
 * @param {Record<string, unknown>} body
 * @param {string[]} keys
 */
export function typescript(group, action, body, keys) {
  const head = keys.length ? `const { ${keys.join(', ')} } = await ` : 'await ';
  const method = `nim.${group}.${action}(`;
  const call = `${head}${method}${tsLiteral(body, { used: head.length + method.length })});`;
  return [
    `import { createNimClient } from '@nimkit/client';`,
    ``,
    `const nim = createNimClient({`,
    `  appKey: process.env.NIM_APP_KEY!,`,
    `  appSecret: process.env.NIM_APP_SECRET!,`,
    `});`,
    keys.length ? call : `${call} // throws NimApiError unless code is 200`,
  ].join('\n');
}

/**
 * Top-level keys of the success body other than `code`: what a caller destructures.
 * @param {Record<string, any>} spec
 * @param {Record<string, any>} op
 */
export function payloadKeys(spec, op) {
  return Object.keys(okSchema(spec, op).properties ?? {}).filter((k) => k !== 'code');
}

/**
 * @param {string} text
 */
function shellQuote(text) {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
