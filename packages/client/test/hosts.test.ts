// Host presets, base URL checks, and which host a call starts on after a failure.
import { describe, expect, it } from 'vitest';
import { HostRotation, regions, resolveHosts } from '../src/hosts.js';

describe('regions', () => {
  it("has the vendor's CN and SG hosts with their backups, under /nimserver", () => {
    expect(regions.cn).toEqual(['https://api.yunxinapi.com/nimserver', 'https://api-cn-bak.yunxinapi.com/nimserver']);
    expect(regions.sg).toEqual(['https://api-sg.yunxinapi.com/nimserver', 'https://api-sg-bak.yunxinapi.com/nimserver']);
  });
});

describe('resolveHosts', () => {
  it('defaults to the CN preset', () => {
    expect(resolveHosts(undefined, undefined)).toEqual([...regions.cn]);
    expect(resolveHosts(undefined, 'sg')).toEqual([...regions.sg]);
  });

  it('takes one base URL or a list, without trailing slashes', () => {
    expect(resolveHosts('http://127.0.0.1:4010/nimserver/', undefined)).toEqual(['http://127.0.0.1:4010/nimserver']);
    expect(resolveHosts(['https://a.example/nimserver', 'https://b.example/nimserver'], undefined)).toHaveLength(2);
  });

  it('refuses bad input with a message naming it', () => {
    expect(() => resolveHosts('https://a.example', 'cn')).toThrow(/either baseUrl or region/);
    expect(() => resolveHosts([], undefined)).toThrow(/at least one host/);
    expect(() => resolveHosts('api.yunxinapi.com', undefined)).toThrow(/"api.yunxinapi.com" is not a URL/);
    expect(() => resolveHosts('ftp://a.example', undefined)).toThrow(/must be http/);
    expect(() => resolveHosts('https://a.example/nimserver?x=1', undefined)).toThrow(/query/);
    expect(() => resolveHosts(undefined, 'us' as never)).toThrow(/unknown region "us"/);
  });
});

describe('HostRotation', () => {
  it('moves calls to the next host after a failure on the preferred one, and back after failbackMs', () => {
    let now = 0;
    const rotation = new HostRotation(['a', 'b'], 60_000, () => now);
    expect(rotation.start()).toBe(0);
    expect(rotation.failed(0)).toBe(1);
    now = 59_999;
    expect(rotation.start()).toBe(1);
    now = 60_000;
    expect(rotation.start()).toBe(0);
  });

  it('wraps around and keeps a single host', () => {
    const rotation = new HostRotation(['a', 'b'], 60_000, () => 0);
    expect(rotation.failed(1)).toBe(0);
    const single = new HostRotation(['a'], 60_000, () => 0);
    expect(single.failed(0)).toBe(0);
    expect(single.start()).toBe(0);
  });
});
