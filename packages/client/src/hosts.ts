/** Host presets of the vendor's data centers, primary first; the client fails over along the list. */
export const regions = {
  cn: ['https://api.yunxinapi.com/nimserver', 'https://api-cn-bak.yunxinapi.com/nimserver'],
  sg: ['https://api-sg.yunxinapi.com/nimserver', 'https://api-sg-bak.yunxinapi.com/nimserver'],
} as const;

export type Region = keyof typeof regions;

export function resolveHosts(baseUrl: string | readonly string[] | undefined, region: Region | undefined): string[] {
  if (baseUrl !== undefined) {
    const list = (typeof baseUrl === 'string' ? [baseUrl] : [...baseUrl]).map((u) => u.replace(/\/+$/, ''));
    if (list.length === 0) throw new TypeError('baseUrl must name at least one host');
    return list;
  }
  return [...regions[region ?? 'cn']];
}
