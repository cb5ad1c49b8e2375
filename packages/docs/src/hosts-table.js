// The hosts tables of the introduction, generated from the spec's `servers` and the client's region presets, so
// the page says exactly what the curl samples and the TypeScript client use.
/**
 * @param {Record<string, any>} spec
 * @param {Readonly<Record<string, readonly string[]>>} regions
 */
export function hostsTable(spec, regions) {
  const host = (/** @type {string} */ url) => new URL(url).host;
  const servers = spec.servers.map((/** @type {{ url: string, description?: string }} */ s, /** @type {number} */ i) => `| \`${host(s.url)}\` | ${s.description ?? ''}${i === 0 ? ' - used by the curl samples' : ''} |`);
  const presets = Object.entries(regions).map(([name, urls]) => `| \`region: '${name}'\` | ${urls.map((u) => `\`${host(u)}\``).join(', then ')} |`);
  return [
    '| host | data center |',
    '|---|---|',
    ...servers,
    '',
    'The TypeScript client picks its hosts from a region preset and fails over to the backup host; pass `baseUrl` for any other host (the mock, a proxy):',
    '',
    '| client option | hosts tried |',
    '|---|---|',
    ...presets,
  ].join('\n');
}
