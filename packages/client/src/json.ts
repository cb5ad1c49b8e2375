// Lossless parsing of the vendor's JSON: ids are bare 64-bit numbers that JSON.parse would round above 2^53.
// Integer literals too long to be exact are quoted before JSON.parse (outside strings only), then every id the
// spec marks `nim-id` is turned into its exact decimal string.
type IdPath = readonly string[];

// A JSON string, or an integer of 16+ digits (2^53 has 16) not followed by a fraction or exponent.
const BIG_INT = /"(?:[^"\\]|\\.)*"|(-?\d{16,})(?![.eE\d])/g;

export function parseJsonLossless(text: string): unknown {
  const safe = /\d{16}/.test(text)
    ? text.replace(BIG_INT, (match, digits: string | undefined) =>
        digits !== undefined && !Number.isSafeInteger(Number(digits)) ? `"${digits}"` : match,
      )
    : text;
  return JSON.parse(safe);
}

/** Converts the values at the given paths to decimal strings, in place. */
export function stringifyIds(value: unknown, paths: readonly IdPath[]): unknown {
  for (const path of paths) visit(value, path, 0);
  return value;
}

function visit(node: unknown, path: IdPath, i: number): void {
  if (node === null || typeof node !== 'object') return;
  const key = path[i]!;
  const last = i === path.length - 1;
  const children: [string | number, unknown][] =
    key === '*'
      ? Array.isArray(node) ? node.map((v, idx) => [idx, v]) : []
      : key === '**'
        ? Object.entries(node)
        : [[key, (node as Record<string, unknown>)[key]]];
  for (const [k, child] of children) {
    if (last) {
      if (typeof child === 'number') (node as Record<string | number, unknown>)[k] = String(child);
    } else {
      visit(child, path, i + 1);
    }
  }
}
