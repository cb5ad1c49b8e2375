// What the page adds to Redoc's <head> (docs/adr/0034): its icon inline (no browser asks for /favicon.ico) and a
// few style rules so that code and tables fit their boxes at any width.
import { FAVICON_SVG } from './serve.js';

/**
 * - Generated sample lines are at most 60 characters, which Redoc's samples panel shows whole at 1440 px; code
 *   wraps instead of scrolling sideways when a line still does not fit (long JSON strings in response samples,
 *   narrow screens); copying still gives the original lines.
 * - Table headers break between words only ("CurTime", not "CurTim e"), cells wherever they must; a table still
 *   wider than its box (a narrow phone) scrolls inside it instead of being clipped.
 */
export const PAGE_CSS = `
pre, pre code { white-space: pre-wrap !important; overflow-wrap: anywhere; }
th { word-break: keep-all; overflow-wrap: normal; hyphens: none; }
td { overflow-wrap: anywhere; }
table { display: block; max-width: 100%; overflow-x: auto; }
`;

/** @param {string} html Redoc's page */
export function addHead(html) {
  if (!html.includes('</head>')) throw new Error('the page has no </head> to add its icon and style to');
  const icon = `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(FAVICON_SVG)}">`;
  const style = `<style data-nimkit>${PAGE_CSS.trim().replace(/\n/g, ' ')}</style>`;
  return html.replace('</head>', `${icon}${style}</head>`);
}
