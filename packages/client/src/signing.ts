// Request signing: CheckSum = lowercase hex SHA-1(AppSecret + Nonce + CurTime). SHA-1 comes from @noble/hashes
// (audited, pure JS, bundled): synchronous and the same on Node, Bun, Deno and edge runtimes, and much cheaper per
// call than a WebCrypto round trip (see docs/adr/0010).
import { _SHA1 } from '@noble/hashes/legacy.js';

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!];
  return out;
}

// Signing runs on every attempt, so it allocates nothing: the text is encoded into a reused buffer, and a reused
// hasher is reset from a pristine one (noble's _cloneInto, as its HMAC does) instead of building a new one per
// call. Hashing is synchronous, so sharing them is safe. Buffers holding secret bytes are zeroed after use.
let scratch = new Uint8Array(256);
const pristine = new _SHA1();
const hasher = new _SHA1();
const digest = new Uint8Array(20);

/** Lowercase hex SHA-1 of the UTF-8 bytes of `text`. */
export function sha1Hex(text: string): string {
  if (text.length * 3 > scratch.length) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  pristine._cloneInto(hasher);
  hasher.update(scratch.subarray(0, written));
  hasher.digestInto(digest);
  scratch.fill(0, 0, written);
  pristine._cloneInto(hasher); // wipes the hasher's copy of the last block
  return toHex(digest);
}

/** The vendor's CheckSum: lowercase hex SHA-1(AppSecret + Nonce + CurTime). */
export function checkSum(appSecret: string, nonce: string, curTime: string): string {
  return sha1Hex(appSecret + nonce + curTime);
}

// Random bytes are drawn 4 KiB at a time: one getRandomValues call per 256 nonces instead of one per nonce.
let pool = new Uint8Array(0);
let used = 0;

/** 32 random lowercase hex characters (128 bits), like the vendor's SDKs (a UUID without dashes). */
export function randomNonce(): string {
  if (used + 16 > pool.length) {
    pool = globalThis.crypto.getRandomValues(new Uint8Array(4096));
    used = 0;
  }
  let out = '';
  for (let i = 0; i < 16; i++) out += HEX[pool[used++]!];
  return out;
}

export interface SignInput {
  appKey: string;
  appSecret: string;
  /** Unix time in seconds (fractions are dropped). */
  now: number;
  nonce: string;
}

export interface AuthHeaders {
  AppKey: string;
  Nonce: string;
  CurTime: string;
  CheckSum: string;
}

/** The four auth headers of one attempt. */
export function signHeaders({ appKey, appSecret, now, nonce }: SignInput): AuthHeaders {
  const curTime = String(Math.floor(now));
  return { AppKey: appKey, Nonce: nonce, CurTime: curTime, CheckSum: checkSum(appSecret, nonce, curTime) };
}
