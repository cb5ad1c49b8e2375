// The vendor's signature check: AppKey known, CheckSum = sha1(AppSecret + Nonce + CurTime), CurTime within 5 minutes.
import { createHash, timingSafeEqual } from 'node:crypto';

export const MAX_SKEW_SECONDS = 300;
const HEADERS = ['AppKey', 'Nonce', 'CurTime', 'CheckSum'];

/** Returns the vendor-style `desc` of a failed check, or undefined when the request is signed correctly. */
export function checkSignature(headers, { appKey, appSecret, nowMs = Date.now() }) {
  for (const name of HEADERS) {
    if (!headers[name.toLowerCase()]) return `missing header: ${name}`;
  }
  if (headers.appkey !== appKey) return 'appkey is invalid';
  const nonce = headers.nonce;
  if (nonce.length > 128) return 'Nonce is too long (max 128)';
  const curTime = headers.curtime;
  if (!/^\d+$/.test(curTime) || Math.abs(nowMs / 1000 - Number(curTime)) > MAX_SKEW_SECONDS) return 'CurTime is expired';
  const expected = createHash('sha1').update(appSecret + nonce + curTime).digest('hex');
  const given = Buffer.from(String(headers.checksum).toLowerCase());
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) return 'check checksum error';
  return undefined;
}
