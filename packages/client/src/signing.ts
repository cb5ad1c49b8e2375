// Request signing: CheckSum = lowercase hex SHA-1(AppSecret + Nonce + CurTime). WebCrypto, so it runs on Node,
// Bun, Deno and edge runtimes alike.
const encoder = new TextEncoder();

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (let i = 0; i < view.length; i++) out += view[i]!.toString(16).padStart(2, '0');
  return out;
}

export async function sha1Hex(text: string): Promise<string> {
  return toHex(await globalThis.crypto.subtle.digest('SHA-1', encoder.encode(text)));
}

export function checkSum(appSecret: string, nonce: string, curTime: string): Promise<string> {
  return sha1Hex(appSecret + nonce + curTime);
}

/** 32 random hex characters, like the vendor's SDKs (a UUID without dashes). */
export function randomNonce(): string {
  return toHex(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}

export interface SignInput {
  appKey: string;
  appSecret: string;
  /** Unix time in seconds. */
  now: number;
  nonce: string;
}

/** The four auth headers of one attempt. */
export async function signHeaders({ appKey, appSecret, now, nonce }: SignInput): Promise<Record<string, string>> {
  const curTime = String(Math.floor(now));
  return { AppKey: appKey, Nonce: nonce, CurTime: curTime, CheckSum: await checkSum(appSecret, nonce, curTime) };
}
