// What the page adds to Redoc's <head> (docs/adr/0034): its icon inline (no browser asks for /favicon.ico) and a
// few style rules so that code and tables fit their boxes at any width.
import { FAVICON_SVG } from './serve.js';

/**
 * - Generated sample lines are at most 60 characters, which Redoc's samples panel shows whole at 1440 px; code
 *   wraps instead of scrolling sideways when a line still does not fit (long JSON strings in response samples,
 *   narrow screens); copying still gives the original lines.
 * - The search dialog's operation hits (search/widget.js) look like Redoc's own results.
 * - Table headers break between words only ("CurTime", not "CurTim e"), cells wherever they must; a table still
 *   wider than its box (a narrow phone) scrolls inside it instead of being clipped.
 */
export const PAGE_CSS = `
pre, pre code { white-space: pre-wrap !important; overflow-wrap: anywhere; }
th { word-break: keep-all; overflow-wrap: normal; hyphens: none; }
td { overflow-wrap: anywhere; }
table { display: block; max-width: 100%; overflow-x: auto; }
[data-nimkit-results] { border-bottom: 1px solid var(--border-color-primary, #ddd); padding: 4px 0; }
[data-nimkit-results] a { display: block; padding: 6px 24px; color: inherit; text-decoration: none; }
[data-nimkit-results] a:hover, [data-nimkit-results] a:focus { background: var(--bg-color-hover, #f2f4f7); }
[data-nimkit-results] small { display: block; font-family: var(--code-font-family, monospace); opacity: .7; }
`;

/** @param {string} html Redoc's page */
export function addHead(html) {
  if (!html.includes('</head>')) throw new Error('the page has no </head> to add its icon and style to');
  const icon = `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(FAVICON_SVG)}">`;
  const style = `<style data-nimkit>${PAGE_CSS.trim().replace(/\n/g, ' ')}</style>`;
  return html.replace('</head>', `${icon}${style}</head>`);
}
