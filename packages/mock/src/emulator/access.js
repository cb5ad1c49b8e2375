// Who may use the control API (/_mock/): anyone on loopback; beyond loopback only with the control token, and not
// at all without one, so nobody on a shared network can reset or read a QA farm's state.
import { timingSafeEqual } from 'node:crypto';

/** @param {string} host */
export function isLoopback(host) {
  const h = String(host).toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || /^::ffff:127\.\d+\.\d+\.\d+$/.test(h);
}

/**
 * undefined when the request may use the control API, else { status, desc }.
 * A configured token is required on loopback too: it is on purpose.
 * @param {{ host: string, controlToken?: string }} o @param {Record<string, string | string[] | undefined>} headers
 */
export function checkControlAccess({ host, controlToken }, headers) {
  if (!controlToken) {
    if (isLoopback(host)) return undefined;
    return { status: 403, desc: `nim-mock: the control API is off because the mock listens on ${host}, beyond loopback; start it with --control-token <t> and send Authorization: Bearer <t>` };
  }
  const sent = /^Bearer\s+(.+)$/i.exec(String(headers.authorization ?? ''))?.[1]?.trim() ?? '';
  const a = Buffer.from(sent);
  const b = Buffer.from(controlToken);
  if (a.length === b.length && timingSafeEqual(a, b)) return undefined;
  return { status: 403, desc: 'nim-mock: the control API needs Authorization: Bearer <control token>' };
}
