// The vendor's signature check: AppKey known, CurTime within 5 minutes, CheckSum = sha1(AppSecret + Nonce + CurTime).
import { createHash, timingSafeEqual } from 'node:crypto';
import { DESC } from './vendor.js';

export const MAX_SKEW_SECONDS = 300;
export const MAX_NONCE_LENGTH = 128;
const HEADERS = ['AppKey', 'Nonce', 'CurTime', 'CheckSum'];

/**
 * Checks the four auth headers (lowercase keys, as node:http gives them).
 * Returns undefined when the request is signed correctly, else { desc, reason }: `desc` is what the vendor answers,
 * `reason` the mock's own explanation for its log line (never the AppSecret or the expected CheckSum).
 * @param {Record<string, string | string[] | undefined>} headers
 * @param {{ appKey: string, appSecret: string, nowMs?: number }} options
 */
export function checkSignature(headers, { appKey, appSecret, nowMs = Date.now() }) {
  for (const name of HEADERS) {
    if (!headers[name.toLowerCase()]) return { desc: `missing header: ${name}`, reason: `no ${name} header` };
  }
  const given = String(headers.appkey);
  if (given !== appKey) return { desc: DESC.checksum, reason: `AppKey '${given}' is not the mock's AppKey '${appKey}'` };
  const nonce = String(headers.nonce);
  if (nonce.length > MAX_NONCE_LENGTH) {
    return { desc: `Nonce is too long (max ${MAX_NONCE_LENGTH})`, reason: `Nonce has ${nonce.length} characters` };
  }
  const curTime = String(headers.curtime);
  if (!/^\d{1,12}$/.test(curTime)) return { desc: DESC.curTimeExpired, reason: `CurTime '${curTime}' is not Unix seconds` };
  const skew = Number(curTime) - Math.floor(nowMs / 1000); // whole seconds, like CurTime itself
  if (Math.abs(skew) > MAX_SKEW_SECONDS) {
    return { desc: DESC.curTimeExpired, reason: `CurTime is ${Math.abs(skew)} s ${skew < 0 ? 'behind' : 'ahead of'} the mock's clock (limit ${MAX_SKEW_SECONDS} s)` };
  }
  const expected = createHash('sha1').update(appSecret + nonce + curTime).digest();
  const sent = Buffer.from(String(headers.checksum).toLowerCase(), 'utf8');
  const expectedHex = Buffer.from(expected.toString('hex'), 'utf8');
  if (sent.length !== expectedHex.length || !timingSafeEqual(sent, expectedHex)) {
    return { desc: DESC.checksum, reason: "CheckSum is not sha1(AppSecret + Nonce + CurTime) with the mock's AppSecret" };
  }
  return undefined;
}
