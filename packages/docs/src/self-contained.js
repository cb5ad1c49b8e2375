// Makes the page load nothing but itself (docs/adr/0031). Redoc 3 hard-codes its "API docs by Redocly" logo as an
// <img> from cdn.redoc.ly; it is swapped for an inline SVG. The build fails when Redoc changes and the logo
// address is not found, or when the static HTML itself points at another host; the browser test then records
// every request the rendered page makes.
/** @type {[string, string][]} */
const LOGOS = [
  ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'Redoc'],
  ['https://cdn.redoc.ly/redoc/logo-mini.svg', 'R'],
];

/**
 * @param {string} html
 */
export function makeSelfContained(html) {
  let out = html;
  for (const [url, text] of LOGOS) {
    const count = out.split(url).length - 1;
    if (count !== 1) throw new Error(`expected Redoc's logo URL ${url} once in the page, found it ${count} times`);
    out = out.replace(url, textLogo(text));
  }
  const loads = staticExternalLoads(out);
  if (loads.length) throw new Error(`the page must load nothing external, but its HTML loads: ${loads.join(', ')}`);
  return out;
}

/**
 * Tags and CSS in the HTML that make the browser fetch another origin as soon as the page is parsed.
 * @param {string} html
 */
export function staticExternalLoads(html) {
  const patterns = [
    /<script\b[^>]*\bsrc=["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /<link\b[^>]*\bhref=["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /<(?:img|iframe|source|video|audio)\b[^>]*\bsrc=["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi,
    /@import\s+["']((?:https?:)?\/\/[^"']+)/gi,
  ];
  return patterns.flatMap((re) => [...html.matchAll(re)].map((m) => m[1]));
}

/**
 * A data: URL of a small SVG showing `text` (no request; the <img> keeps Redoc's layout).
 * @param {string} text
 */
function textLogo(text) {
  const width = 8 + text.length * 7;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16"><text x="1" y="12" font-family="sans-serif" font-size="12" fill="#555">${text}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
