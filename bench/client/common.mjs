// Shared pieces of the client benchmarks: the hand-written baseline, timing helpers, formatting.
import { createHash } from 'node:crypto';

export const APP_KEY = 'bench-app-key';
export const APP_SECRET = 'bench-app-secret-0123456789ab';
export const PATH = '/qchat/getServers.action';
export const BODY = { serverIds: ['6790', '9223372036854775807'] };
export const ANSWER = JSON.stringify({
  code: 200,
  serverInfos: [
    { serverId: 6790, name: 'a', owner: 'zhangsan', memberNumber: 3, createTime: 1700000000000 },
    { serverId: 9007199254740993, name: 'b', owner: 'lisi', memberNumber: 5, createTime: 1700000000001 },
  ],
});

/**
 * What a careful developer writes by hand for one call: URLSearchParams body, SHA-1 CheckSum (node:crypto),
 * fetch(url, init), JSON.parse. No validation, retries, timeout or exact ids (ids above 2^53 are rounded).
 */
export function createBaseline(baseUrl, fetchFn = globalThis.fetch) {
  return async function getServers(body) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(body)) params.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
    const nonce = crypto.randomUUID().replace(/-/g, '');
    const curTime = String(Math.floor(Date.now() / 1000));
    const checkSum = createHash('sha1').update(APP_SECRET + nonce + curTime).digest('hex');
    const response = await fetchFn(baseUrl + PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8', AppKey: APP_KEY, Nonce: nonce, CurTime: curTime, CheckSum: checkSum },
      body: params.toString(),
    });
    const json = JSON.parse(await response.text());
    if (json.code !== 200) throw new Error(`code ${json.code}`);
    return json;
  };
}

export const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export const verdict = (ok) => (ok ? 'meets target' : 'MISSES target');
