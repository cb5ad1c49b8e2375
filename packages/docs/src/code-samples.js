// Code samples generated from the spec at build time, never written by hand (docs/adr/0032):
// - curl: signs the request in the shell and sends each form field with --data-urlencode, so curl URL-encodes
//   the JSON inside form fields exactly as the vendor expects; the fields are the client's own encoding
//   (encodeFormBody) of the spec's sample request;
// - TypeScript: the same request through the client's facade, destructuring the success payload.
// Both target either the vendor (credentials from the environment) or the local emulator (its defaults written in,
// so a sample pasted from the page served by `npm start` works as it is). Fields marked `x-nim-fresh` get a new
// random value on every run.
import { encodeFormBody } from '@nimkit/client';
import { DEFAULTS } from '@nimkit/mock';
import { okSchema, requestSchema, sampleRequest } from '@nimkit/spec-lib';
import { TsCode, tsLiteral } from './ts-literal.js';

/**
 * @typedef {{ baseUrl: string, appKey?: string, appSecret?: string }} SampleTarget
 * Where samples send; with appKey/appSecret they are written into the samples (the emulator's public defaults).
 */

/** @param {Record<string, any>} spec @returns {SampleTarget} the vendor's default host */
export const vendorTarget = (spec) => ({ baseUrl: spec.servers[0].url });

/** @type {SampleTarget} the emulator as `npm start` and `nim-mock` start it with no flags */
export const EMULATOR_TARGET = Object.freeze({
  baseUrl: `http://${DEFAULTS.host}:${DEFAULTS.port}/nimserver`,
  appKey: DEFAULTS.appKey,
  appSecret: DEFAULTS.appSecret,
});

/** Shell lines that compute the signature headers ("Signing a request" in the introduction explains them). */
export const SIGNING_LINES = [
  `NONCE=$(openssl rand -hex 16) CURTIME=$(date +%s)`,
  `CHECKSUM=$(printf %s "$NIM_APP_SECRET$NONCE$CURTIME" |`,
  `  openssl sha1 | awk '{print $NF}')`,
];

/** The form content type the vendor asks for, in a variable so no sample line is wider than its panel. */
export const FORM_LINE = `FORM='application/x-www-form-urlencoded;charset=utf-8'`;

/** @param {SampleTarget} target */
export function credentialLines(target) {
  return target.appKey
    ? [`# the emulator's defaults`, `NIM_APP_KEY=${target.appKey} NIM_APP_SECRET=${target.appSecret}`]
    : [`# Needs NIM_APP_KEY and NIM_APP_SECRET in the environment`];
}

/**
 * @param {Record<string, any>} spec
 * @param {{ path: string, group: string, action: string, op: Record<string, any> }} operation
 * @param {SampleTarget} [target]
 */
export function codeSamples(spec, { path, group, action, op }, target = vendorTarget(spec)) {
  const body = sampleRequest(spec, op, { full: false });
  const fresh = freshValues(spec, op, body);
  return [
    { lang: 'Shell', label: 'curl', source: curl(target, path, formFields(fresh.tokens), fresh.variables) },
    { lang: 'TypeScript', label: 'TypeScript', source: typescript(group, action, fresh.code, payloadKeys(spec, op), target) },
  ];
}

/**
 * Where a request's sample must be new on every run (`x-nim-fresh`, e.g. a client-side message id): top-level
 * fields, and fields of the items of a JSON-in-form list (`msgList[*].msgId`).
 * @param {Record<string, any>} spec @param {Record<string, any>} op
 * @returns {Array<{ field: string, item?: string }>}
 */
export function freshPaths(spec, op) {
  /** @type {Array<{ field: string, item?: string }>} */
  const out = [];
  for (const [field, prop] of Object.entries(requestSchema(spec, op).properties ?? {})) {
    if (prop['x-nim-fresh']) out.push({ field });
    for (const [item, sub] of Object.entries(prop.contentSchema?.items?.properties ?? {})) {
      if (/** @type {Record<string, unknown>} */ (sub)['x-nim-fresh']) out.push({ field, item });
    }
  }
  return out;
}

/** The shell variable a fresh field's value is drawn into: msgIdClient -> MSG_ID_CLIENT. @param {string} field */
export function freshVariable(field) {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/**
 * The sample body three ways: `code` with `crypto.randomUUID()` at every fresh place (TypeScript), `tokens` with a
 * placeholder there (curl draws each into a shell variable), and `variables`: [name, the spec's sample value].
 * @param {Record<string, any>} spec @param {Record<string, any>} op @param {Record<string, any>} body
 */
export function freshValues(spec, op, body) {
  const code = structuredClone(body);
  const tokens = structuredClone(body);
  /** @type {Array<[string, string]>} */
  const variables = [];
  /** @param {Record<string, any>} codeAt @param {Record<string, any>} tokenAt @param {string} key @param {string} name */
  const mark = (codeAt, tokenAt, key, name) => {
    variables.push([name, String(tokenAt[key])]);
    codeAt[key] = new TsCode('crypto.randomUUID()');
    tokenAt[key] = `@@${name}@@`;
  };
  for (const { field, item } of freshPaths(spec, op)) {
    if (!(field in body)) continue;
    if (item === undefined) mark(code, tokens, field, freshVariable(field));
    else if (Array.isArray(body[field])) {
      body[field].forEach((/** @type {Record<string, unknown>} */ element, /** @type {number} */ i) => {
        if (item in element) mark(code[field][i], tokens[field][i], item, `${freshVariable(item)}_${i + 1}`);
      });
    }
  }
  return { code, tokens, variables };
}

/** The form fields the client sends for `body`, decoded: [name, text] pairs in order. @param {Record<string, unknown>} body */
export function formFields(body) {
  return [...new URLSearchParams(encodeFormBody(body))];
}

/**
 * @param {SampleTarget} target @param {string} path @param {[string, string][]} fields
 * @param {Array<[string, string]>} [variables] fresh values: each drawn into its shell variable on every run
 */
export function curl(target, path, fields, variables = []) {
  const data = fields.length ? fields.map(([k, v]) => `--data-urlencode ${shellData(`${k}=${v}`)}`) : [`--data ''`];
  return [
    ...credentialLines(target),
    `HOST=${target.baseUrl}`,
    FORM_LINE,
    ...variables.map(([name]) => `${name}=$(openssl rand -hex 16) # new per message`),
    ...SIGNING_LINES,
    `curl "$HOST${path}" \\`,
    `  -H "AppKey: $NIM_APP_KEY" -H "Nonce: $NONCE" \\`,
    `  -H "CurTime: $CURTIME" -H "CheckSum: $CHECKSUM" \\`,
    `  -H "Content-Type: $FORM" \\`,
    data.map((d) => `  ${d}`).join(' \\\n'),
  ].join('\n');
}

/**
 * One --data-urlencode argument: single-quoted, or double-quoted with `$NAME` where a fresh value goes.
 * @param {string} text
 */
function shellData(text) {
  if (!/@@[A-Z0-9_]+@@/.test(text)) return shellQuote(text);
  return `"${text.replace(/[\\"$`]/g, '\\$&').replace(/@@([A-Z0-9_]+)@@/g, '$$$1')}"`;
}

/**
 * @param {string} group @param {string} action @param {Record<string, unknown>} body
 * @param {string[]} keys the success payload's keys to destructure @param {SampleTarget} [target]
 */
export function typescript(group, action, body, keys, target = /** @type {SampleTarget} */ ({ baseUrl: '' })) {
  const head = keys.length ? `const { ${keys.join(', ')} } = await ` : 'await ';
  const method = `nim.${group}.${action}(`;
  const call = `${head}${method}${tsLiteral(body, { used: head.length + method.length })});`;
  return [
    `import { createNimClient } from '@nimkit/client';`,
    ``,
    `const nim = createNimClient({`,
    ...(target.appKey
      ? [`  appKey: '${target.appKey}',`, `  appSecret: '${target.appSecret}',`, `  baseUrl: '${target.baseUrl}', // the emulator`]
      : [`  appKey: process.env.NIM_APP_KEY!,`, `  appSecret: process.env.NIM_APP_SECRET!,`]),
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
