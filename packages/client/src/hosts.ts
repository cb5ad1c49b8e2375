// Host presets of the vendor's data centers, and failover along a host list.

/** Base URLs of the vendor's data centers, primary first; the client fails over along the list. */
export const regions = {
  cn: ['https://api.yunxinapi.com/nimserver', 'https://api-cn-bak.yunxinapi.com/nimserver'],
  sg: ['https://api-sg.yunxinapi.com/nimserver', 'https://api-sg-bak.yunxinapi.com/nimserver'],
} as const;

export type Region = keyof typeof regions;

/** The base URLs to use, without trailing slashes; bad input is a TypeError naming the value. */
export function resolveHosts(baseUrl: string | readonly string[] | undefined, region: Region | undefined): string[] {
  if (baseUrl !== undefined && region !== undefined) throw new TypeError('pass either baseUrl or region, not both');
  if (baseUrl === undefined) {
    const preset = regions[region ?? 'cn'];
    if (!preset) throw new TypeError(`unknown region ${JSON.stringify(region)}: use ${Object.keys(regions).join(' or ')}`);
    return [...preset];
  }
  const list = typeof baseUrl === 'string' ? [baseUrl] : [...baseUrl];
  if (list.length === 0) throw new TypeError('baseUrl must name at least one host');
  return list.map((url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new TypeError(`baseUrl ${JSON.stringify(url)} is not a URL`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new TypeError(`baseUrl ${JSON.stringify(url)} must be http(s)`);
    if (parsed.search || parsed.hash) throw new TypeError(`baseUrl ${JSON.stringify(url)} must not have a query or fragment`);
    return url.replace(/\/+$/, '');
  });
}

/**
 * Which host a call starts on. After a network failure on the preferred host, calls start on the next one, so a
 * dead primary costs one failed attempt rather than one per call; after `failbackMs` the primary is tried again.
 */
export class HostRotation {
  #preferred = 0;
  #since = 0;
  constructor(
    readonly hosts: readonly string[],
    private readonly failbackMs: number,
    private readonly clock: () => number,
  ) {}

  /** Index of the host the next call starts on. */
  start(): number {
    if (this.#preferred !== 0 && this.clock() - this.#since >= this.failbackMs) this.#preferred = 0;
    return this.#preferred;
  }

  /** Records a network failure on host `index`; returns the host for the next attempt. */
  failed(index: number): number {
    const next = (index + 1) % this.hosts.length;
    if (index === this.#preferred && next !== index) {
      this.#preferred = next;
      this.#since = this.clock();
    }
    return next;
  }
}
