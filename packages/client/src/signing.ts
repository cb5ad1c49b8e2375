// Request signing: CheckSum = lowercase hex SHA-1(AppSecret + Nonce + CurTime), computed here in a few lines of plain
// JS: synchronous and the same on Node, Bun, Deno and edge runtimes, much cheaper per call than a WebCrypto round
// trip, and a third of the bundle of a general hash library (see docs/adr/0010). Checked against the standard
// vectors and node:crypto (test/signing.test.ts).

const encoder = /* @__PURE__ */ new TextEncoder();
const HEX = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!];
  return out;
}

// Signing runs on every attempt, so it allocates nothing: the text is encoded into a reused buffer (grown when
// needed) and the message schedule is reused. Hashing is synchronous, so sharing them is safe. Both hold secret
// bytes and are zeroed after use.
let buffer = new Uint8Array(256);
let view = new DataView(buffer.buffer);
const w = new Int32Array(80);

const hex32 = (word: number) => HEX[word >>> 24]! + HEX[(word >>> 16) & 255]! + HEX[(word >>> 8) & 255]! + HEX[word & 255]!;

/** Lowercase hex SHA-1 (FIPS 180-4) of the UTF-8 bytes of `text`. */
export function sha1Hex(text: string): string {
  // UTF-8 takes at most 3 bytes per UTF-16 unit; padding adds 0x80, zeros and the 8-byte length.
  if (text.length * 3 + 72 > buffer.length) view = new DataView((buffer = new Uint8Array(text.length * 3 + 72)).buffer);
  const { written } = encoder.encodeInto(text, buffer);
  const end = (((written + 8) >> 6) + 1) << 6;
  buffer.fill(0, written, end);
  buffer[written] = 0x80;
  view.setUint32(end - 8, Math.floor(written / 2 ** 29)); // the bit length, big-endian, as two 32-bit words
  view.setUint32(end - 4, written << 3);
  let h0 = 0x67452301, h1 = 0xefcdab89, h2 = 0x98badcfe, h3 = 0x10325476, h4 = 0xc3d2e1f0;
  for (let block = 0; block < end; block += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getInt32(block + t * 4);
    for (let t = 16; t < 80; t++) {
      const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!;
      w[t] = (x << 1) | (x >>> 31);
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4;
    for (let t = 0; t < 80; t++) {
      // The round function and constant of each 20-round stage.
      const f =
        t < 20 ? ((b & c) | (~b & d)) + 0x5a827999
        : t < 40 ? (b ^ c ^ d) + 0x6ed9eba1
        : t < 60 ? ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc
        : (b ^ c ^ d) + 0xca62c1d6;
      const next = (((a << 5) | (a >>> 27)) + f + e + w[t]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = next;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  buffer.fill(0, 0, end);
  w.fill(0);
  return hex32(h0) + hex32(h1) + hex32(h2) + hex32(h3) + hex32(h4);
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
