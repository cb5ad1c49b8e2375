// Inlines the search entries, the scoring function and the widget into the page, before </body>.
import { searchOperations } from './score.js';
import { installSearch } from './widget.js';

/** @param {string} html @param {import('./score.js').SearchEntry[]} entries */
export function addSearch(html, entries) {
  const at = html.lastIndexOf('</body>');
  if (at < 0) throw new Error('the page has no </body> to add its search to');
  // `<` is escaped so no title can close the script element early.
  const data = JSON.stringify(entries).replace(/</g, '\\u003c');
  const script = `<script>(${installSearch})(${data}, ${searchOperations});</script>`;
  return html.slice(0, at) + script + html.slice(at);
}
