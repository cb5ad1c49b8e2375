// The definition Redoc renders travels gzipped inside the page (docs/adr/0033): Redoc's build inlines it as a JSON
// literal (`const __redoc_definition = {...};`), about 0.4 MB of the 3 MB budget; packed it is a quarter of that,
// and the page unpacks it with the browser's DecompressionStream before Redoc starts (module scripts may await).
import { gunzipSync, gzipSync } from 'node:zlib';

const START = 'const __redoc_definition = ';
const PACKED = /^JSON\.parse\(await new Response\(new Blob\(\[Uint8Array\.from\(atob\("([A-Za-z0-9+/=]*)"\)/;

/** Where the definition's value starts and ends in a build-docs page. @param {string} html */
function locate(html) {
  const start = html.indexOf(START);
  if (start < 0) throw new Error('the page has no inlined Redoc definition');
  const from = start + START.length;
  const end = html.indexOf(';\n', from);
  if (end < 0) throw new Error('the inlined Redoc definition has no end');
  return { from, end };
}

/** Replaces the JSON literal by its gzipped, base64 form and the code that unpacks it. @param {string} html */
export function packDefinition(html) {
  const { from, end } = locate(html);
  const json = html.slice(from, end);
  JSON.parse(json); // only ever pack what is really the JSON literal
  const base64 = gzipSync(json, { level: 9 }).toString('base64');
  const unpack =
    `JSON.parse(await new Response(new Blob([Uint8Array.from(atob("${base64}"), (c) => c.charCodeAt(0))])` +
    `.stream().pipeThrough(new DecompressionStream("gzip"))).text())`;
  return html.slice(0, from) + unpack + html.slice(end);
}

/** The definition's JSON text of a built page, packed or not. @param {string} html @returns {string} */
function definitionText(html) {
  const { from, end } = locate(html);
  const value = html.slice(from, end);
  const packed = PACKED.exec(value);
  return packed ? gunzipSync(Buffer.from(/** @type {string} */ (packed[1]), 'base64')).toString('utf8') : value;
}

/** The definition of a built page, packed or not (for tests and benchmarks). @param {string} html */
export function readDefinition(html) {
  return JSON.parse(definitionText(html));
}

/**
 * Replaces `from` by `to` everywhere in a packed page: in its HTML and inside its packed definition.
 * @param {string} html @param {string} from @param {string} to
 */
export function replaceInPage(html, from, to) {
  const { from: start, end } = locate(html);
  const json = definitionText(html).replaceAll(from, to);
  return packDefinition(html.slice(0, start) + json + html.slice(end)).replaceAll(from, to);
}
