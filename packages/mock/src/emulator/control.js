// The control API under /_mock/ (JSON, no vendor signature): state reset/snapshot/load, the request journal, scripted
// faults and the callback log. Answers are the mock's own (docs/adr/0020): HTTP status + { code, desc } on error.
import { checkControlAccess } from './access.js';
import { parseJsonSliced } from './json-stream.js';

export const CONTROL_PREFIX = '/_mock';

const ROUTES = [
  'POST   /_mock/reset             {} resets every app (and the journal, faults and callback log); {"appKey":"k"} one app',
  'GET    /_mock/state             snapshot of every app (?appKey=k for one)',
  'PUT    /_mock/state             load a snapshot or fixture (replaces the state; ?merge=true keeps other apps)',
  'GET    /_mock/requests          request journal (?operationId=&appKey=&limit=)',
  'DELETE /_mock/requests          clear the journal',
  'POST   /_mock/faults            {"operationId","code"|"latencyMs"|"drop":true,"times"}',
  'GET    /_mock/faults            faults not used up yet',
  'DELETE /_mock/faults            clear every fault',
  'GET    /_mock/callbacks         callback (抄送) deliveries',
];

/**
 * @param {number} status
 * @param {string} desc
 */
const own = (status, desc) => ({ status, body: { code: status, desc: `nim-mock: ${desc}` } });

/**
 * @param {{ o: import('../options.js').ResolvedOptions, emulator: import('./emulator.js').Emulator | undefined,
 *   journal: ReturnType<typeof import('./journal.js').createJournal>, faults: ReturnType<typeof import('./faults.js').createFaults>,
 *   callbacks: ReturnType<typeof import('./callbacks.js').createCallbacks> | undefined }} parts
 * @returns {(request: { method: string, pathname: string, query: URLSearchParams,
 *   headers: import('node:http').IncomingHttpHeaders, body: string }) => Promise<import('../handler.js').Outcome>}
 */
export function createControl({ o, emulator, journal, faults, callbacks }) {
  const noState = () => own(409, `there is no state in ${o.mode} mode; start the mock without --mode (stateful is the default)`);

  return async function control({ method, pathname, query, headers, body }) {
    const denied = checkControlAccess(o, headers);
    if (denied) return { status: denied.status, body: { code: denied.status, desc: denied.desc } };
    const route = `${method} ${pathname.replace(/\/+$/, '')}`;
    const json = () => {
      if (!body.trim()) return {};
      try {
        return JSON.parse(body);
      } catch {
        throw Object.assign(new Error('the body is not JSON'), { status: 400 });
      }
    };
    try {
      switch (route) {
        case 'GET /_mock':
          return { status: 200, body: { mode: o.mode, routes: ROUTES } };
        case 'POST /_mock/reset': {
          const { appKey } = json();
          if (appKey !== undefined && typeof appKey !== 'string') return own(400, 'appKey must be a string');
          emulator?.reset(appKey);
          journal.clear(appKey);
          if (appKey === undefined) faults.clear();
          return { status: 200, body: { reset: appKey ?? 'all' } };
        }
        case 'GET /_mock/state': {
          if (!emulator) return noState();
          const appKey = query.get('appKey');
          return { status: 200, stream: emulator.snapshotChunks(appKey ? [appKey] : undefined) };
        }
        case 'PUT /_mock/state': {
          if (!emulator) return noState();
          // A snapshot may be tens of MB: parsed in slices so other apps keep being answered meanwhile.
          let document;
          try {
            document = body.trim() ? await parseJsonSliced(body) : {};
          } catch (error) {
            return own(400, `the body is not JSON: ${/** @type {Error} */ (error).message}`);
          }
          try {
            const apps = emulator.load(document, { merge: query.get('merge') === 'true' });
            return { status: 200, body: { loaded: apps } };
          } catch (error) {
            const e = /** @type {Error & { status?: number }} */ (error);
            return own(e.status ?? 400, e.message);
          }
        }
        case 'GET /_mock/requests': {
          const limit = Number(query.get('limit') ?? 0);
          return { status: 200, body: { requests: journal.list({ operationId: query.get('operationId') ?? undefined, appKey: query.get('appKey') ?? undefined, limit }) } };
        }
        case 'DELETE /_mock/requests':
          journal.clear();
          return { status: 200, body: { cleared: true } };
        case 'POST /_mock/faults':
          try {
            return { status: 201, body: { fault: faults.add(json()) } };
          } catch (error) {
            return own(400, /** @type {Error} */ (error).message);
          }
        case 'GET /_mock/faults':
          return { status: 200, body: { faults: faults.list() } };
        case 'DELETE /_mock/faults':
          return { status: 200, body: { cleared: faults.clear() } };
        case 'GET /_mock/callbacks':
          return { status: 200, body: { url: callbacks?.url ?? null, pending: callbacks?.pending() ?? 0, deliveries: callbacks?.log() ?? [] } };
        default:
          return own(404, `no control route ${method} ${pathname}; GET ${CONTROL_PREFIX} lists them`);
      }
    } catch (error) {
      const e = /** @type {Error & { status?: number }} */ (error);
      if (e.status) return own(e.status, e.message);
      throw error;
    }
  };
}
