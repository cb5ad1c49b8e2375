// Finding operations by any part of their Chinese title, path or operationId (docs/adr/0034). Redoc's own search
// matches word prefixes, and Chinese has no spaces: 发送消息 cannot find 发送聊天室消息 that way. Titles are compared
// by overlapping character pairs instead, so every query of two or more characters finds each title holding most
// of its pairs. The function is self-contained: the page runs its source text as it is.

/**
 * @typedef {{ operationId: string, path: string, summary: string, title: string, terms: string[], href: string }} SearchEntry
 * @param {SearchEntry[]} entries
 * @param {string} query
 * @param {number} [limit]
 * @returns {SearchEntry[]} best first; ties keep the spec's order
 */
export function searchOperations(entries, query, limit = 8) {
  const q = String(query).trim().toLowerCase();
  if (!q) return [];
  const compact = q.replace(/\s+/g, '');
  /** @param {string} text */
  const pairs = (text) => {
    const chars = Array.from(text);
    const out = new Set(chars.length === 1 ? chars : []);
    for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
    return out;
  };
  const wanted = pairs(compact);
  const words = q.split(/\s+/);
  /** @type {{ entry: SearchEntry, score: number, order: number }[]} */
  const scored = [];
  entries.forEach((entry, order) => {
    const id = entry.operationId.toLowerCase();
    const path = entry.path.toLowerCase();
    const summary = entry.summary.toLowerCase();
    const title = entry.title.toLowerCase();
    let score = 0;
    if (id === compact || title === compact) score = 1000;
    else if (title.includes(compact)) score = 900 - (Array.from(title).length - Array.from(compact).length);
    else if (id.includes(compact) || path.includes(compact)) score = 800 - (id.length - compact.length);
    else if (entry.terms.some((t) => t === compact)) score = 700;
    else if (words.every((w) => summary.includes(w))) score = 600;
    else {
      const have = pairs(title);
      let hits = 0;
      wanted.forEach((p) => {
        if (have.has(p)) hits++;
      });
      const share = wanted.size ? hits / wanted.size : 0;
      if (share >= 0.5) score = Math.round(500 * share);
    }
    if (score > 0) scored.push({ entry, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.slice(0, limit).map((s) => s.entry);
}
