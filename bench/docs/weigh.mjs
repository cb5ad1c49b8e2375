// What a built Redoc page weighs, and in which part: the server-rendered styles, the prerendered HTML, Redoc's
// inlined script and the inlined definition.
import { gzipSync } from 'node:zlib';

export function weigh(html) {
  const bytes = (s) => Buffer.byteLength(s);
  const at = (marker, from = 0) => {
    const i = html.indexOf(marker, from);
    if (i < 0) throw new Error(`not a build-docs page: no ${marker}`);
    return i;
  };
  const root = at('<div id="redoc">');
  const script = at('<script type="module">', root);
  const definition = at('const __redoc_definition', script);
  const options = at('const __redoc_options', definition);
  return {
    total: bytes(html),
    gzip: gzipSync(html, { level: 9 }).length,
    parts: {
      'head and styles': bytes(html.slice(0, root)),
      'prerendered HTML': bytes(html.slice(root, script)),
      'Redoc script': bytes(html.slice(script, definition)),
      definition: bytes(html.slice(definition, options)),
      rest: bytes(html.slice(options)),
    },
  };
}
