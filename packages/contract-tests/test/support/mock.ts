// A real mock (Prism inside) on a free loopback port, and a raw signed POST for bodies the client would refuse.
import { createHash } from 'node:crypto';
import { startMock } from '@nimkit/mock';

export const APP_KEY = 'test-app-key';
export const APP_SECRET = 'test-app-secret';

export type Mock = Awaited<ReturnType<typeof startMock>>;

/** Examples mode unless `mode` says otherwise: these suites check the spec's examples through the client. */
export function startTestMock(options: Record<string, unknown> = {}): Promise<Mock> {
  return startMock({ port: 0, appKey: APP_KEY, appSecret: APP_SECRET, log: false, mode: options.dynamic ? undefined : 'examples', ...options });
}

export function sign(secret = APP_SECRET, nonce = 'n' + Math.random().toString(36).slice(2), curTime = String(Math.floor(Date.now() / 1000))) {
  const checkSum = createHash('sha1').update(secret + nonce + curTime).digest('hex');
  return { AppKey: APP_KEY, Nonce: nonce, CurTime: curTime, CheckSum: checkSum };
}

/** POSTs a raw form body (signed unless headers say otherwise) and returns HTTP status and parsed JSON. */
export async function postRaw(mock: Mock, path: string, body: string, headers: Record<string, string> = sign()) {
  const res = await fetch(mock.url + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8', ...headers },
    body,
  });
  return { status: res.status, json: (await res.json()) as { code: number; desc?: unknown; [k: string]: unknown } };
}
