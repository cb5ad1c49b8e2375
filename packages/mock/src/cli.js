// The command line: flags and environment -> startMock options (bin/nim-mock.js runs it).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULTS, MODES } from './options.js';
import { VENDOR_RATE_LIMIT } from './rate-limit.js';
import { ENCODINGS } from './encoding.js';

export const HELP = `nim-mock - a mock of the NetEase Yunxin (网易云信) IM server API that answers like the vendor

Usage: nim-mock [options]

  --host <addr>              address to listen on (default ${DEFAULTS.host}; env NIM_MOCK_HOST)
  --port <n>                 port, 0 for any free one (default ${DEFAULTS.port}; env NIM_MOCK_PORT)
  --spec <file>              bundled OpenAPI JSON to serve (default: the spec shipped in this package; env NIM_MOCK_SPEC)
  --app-key <key>            AppKey the mock accepts (default ${DEFAULTS.appKey}; env NIM_MOCK_APPKEY)
  --app-secret <secret>      AppSecret signatures are checked with (default ${DEFAULTS.appSecret}; env NIM_MOCK_APPSECRET)
  --no-auth                  accept requests without a valid signature (for tools that cannot sign); each AppKey
                             header then gets its own state
  --mode <mode>              stateful (default): answers from per-AppKey state, like the vendor;
                             examples: the spec's 'ok' example for every valid call;
                             dynamic: generated schema-valid bodies
  --dynamic                  same as --mode dynamic
  --seed <seed>              with --mode dynamic: the same seed gives the same bodies, across restarts
  --encoding <docs|sdk>      success bodies in the vendor docs' encoding (default) or the one the official Go SDK
                             decodes (env NIM_MOCK_ENCODING); per request: header X-Nim-Mock-Encoding: sdk
  --rate-limit               answer code 416 above ${VENDOR_RATE_LIMIT.limit} calls per second per operation and AppKey,
                             then block that pair for ${VENDOR_RATE_LIMIT.blockMs / 1000} s, like the vendor
  --rate-limit-calls <n>     calls allowed per window (default ${VENDOR_RATE_LIMIT.limit}; implies --rate-limit)
  --rate-limit-window <ms>   window length (default ${VENDOR_RATE_LIMIT.windowMs}; implies --rate-limit)
  --rate-limit-block <ms>    block length (default ${VENDOR_RATE_LIMIT.blockMs}; implies --rate-limit)
  --body-limit <bytes>       largest accepted body; a larger one is answered 414 (default ${DEFAULTS.bodyLimitBytes})
  --headers-timeout <ms>     a request's headers must arrive within this long of its first byte (default ${DEFAULTS.headersTimeoutMs})
  --request-timeout <ms>     a request must arrive whole within this long of its first byte (default ${DEFAULTS.requestTimeoutMs})
  --idle-timeout <ms>        close a connection silent this long before its first request or mid-body (default ${DEFAULTS.idleTimeoutMs})
  --max-connections <n>      connections open at once; more are refused (default ${DEFAULTS.maxConnections})
  --max-buffered-bytes <n>   body bytes held across requests in flight; above it HTTP 503 (default ${DEFAULTS.maxBufferedBytes})
                             (a timeout of 0 turns it off; a cut-off client is logged, others are not affected)
  --quiet                    no per-request log lines
  -v, --version              print the version
  -h, --help                 this text

Stateful mode:
  --accounts <file>          JSON list of the accids that exist (others are refused with code 404);
                             without it every accid exists
  --id-start <n>             first id handed out, per app (default ${DEFAULTS.idStart}, above 2^53)
  --clock <ms>               freeze the clock the models stamp times with (Unix ms)
  --max-messages <n>         messages kept per chatroom / QChat channel, oldest dropped (default ${DEFAULTS.maxMessages})
  --state-file <path>        load the state from this file on start (if it exists), save it there on exit
  --callback-url <url>       POST callback (抄送) events there, signed like the vendor's

Control API (/_mock/, JSON, no vendor signature; open on loopback):
  --control-token <t>        require Authorization: Bearer <t>; without it the control API is off when --host is
                             not a loopback address (env NIM_MOCK_CONTROL_TOKEN)

Pick a named example per request with the header  Prefer: example=<name>  (e.g. paramError, rateLimited), in any mode.
Readiness: GET /nimserver/health answers HTTP 200 {"status":"ok","mode":...} once the mock accepts requests.
Control API routes: GET /_mock (reset, state, requests journal, faults, callbacks).
SIGINT/SIGTERM finish the requests in flight and exit 0.`;

/** @satisfies {NonNullable<import('node:util').ParseArgsConfig['options']>} */
const FLAGS = {
  host: { type: 'string' },
  port: { type: 'string' },
  spec: { type: 'string' },
  'app-key': { type: 'string' },
  'app-secret': { type: 'string' },
  'no-auth': { type: 'boolean' },
  mode: { type: 'string' },
  dynamic: { type: 'boolean' },
  seed: { type: 'string' },
  encoding: { type: 'string' },
  accounts: { type: 'string' },
  'id-start': { type: 'string' },
  clock: { type: 'string' },
  'max-messages': { type: 'string' },
  'state-file': { type: 'string' },
  'callback-url': { type: 'string' },
  'control-token': { type: 'string' },
  'rate-limit': { type: 'boolean' },
  'rate-limit-calls': { type: 'string' },
  'rate-limit-window': { type: 'string' },
  'rate-limit-block': { type: 'string' },
  'body-limit': { type: 'string' },
  'headers-timeout': { type: 'string' },
  'request-timeout': { type: 'string' },
  'idle-timeout': { type: 'string' },
  'max-connections': { type: 'string' },
  'max-buffered-bytes': { type: 'string' },
  quiet: { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
};

/**
 * argv (without node and the script) + environment -> { help } | { version } | { error } | { options, summary }.
 * Never throws and never exits: the bin decides.
 * @param {string[]} argv
 * @param {Record<string, string | undefined>} [env]
 * @returns {{ help?: true, version?: true, error?: string, options?: import('./index.js').MockOptions }}
 */
export function parseCli(argv, env = {}) {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    return { error: `${error instanceof Error ? error.message : error}\nRun nim-mock --help for the options.` };
  }
  if (values.help) return { help: true };
  if (values.version) return { version: true };

  /** @type {Record<string, number>} */
  const ints = {};
  for (const [flag, raw, min, max] of /** @type {[string, string | undefined, number, number][]} */ ([
    ['--port', values.port ?? env.NIM_MOCK_PORT, 0, 65535],
    ['--rate-limit-calls', values['rate-limit-calls'], 1, 1e9],
    ['--rate-limit-window', values['rate-limit-window'], 1, 1e9],
    ['--rate-limit-block', values['rate-limit-block'], 1, 1e9],
    ['--body-limit', values['body-limit'], 0, 2 ** 31 - 1],
    ['--headers-timeout', values['headers-timeout'], 0, 2 ** 31 - 1],
    ['--request-timeout', values['request-timeout'], 0, 2 ** 31 - 1],
    ['--idle-timeout', values['idle-timeout'], 0, 2 ** 31 - 1],
    ['--max-connections', values['max-connections'], 1, 1e6],
    ['--max-buffered-bytes', values['max-buffered-bytes'], 0, Number.MAX_SAFE_INTEGER],
    ['--clock', values.clock, 0, 1e15],
    ['--max-messages', values['max-messages'], 1, 1e9],
  ])) {
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!/^\d+$/.test(String(raw).trim()) || n < min || n > max) return { error: `${flag} must be an integer ${min}-${max}, got '${raw}'` };
    ints[flag] = n;
  }
  const encoding = values.encoding ?? (env.NIM_MOCK_ENCODING || undefined);
  if (encoding !== undefined && !ENCODINGS.includes(encoding)) return { error: `--encoding must be one of ${ENCODINGS.join(', ')}, got '${encoding}'` };
  if (values.mode !== undefined && !MODES.includes(values.mode)) return { error: `--mode must be one of ${MODES.join(', ')}, got '${values.mode}'` };
  if (values.dynamic && values.mode !== undefined && values.mode !== 'dynamic') return { error: `--dynamic conflicts with --mode ${values.mode}` };
  const mode = values.dynamic ? 'dynamic' : (values.mode ?? DEFAULTS.mode);
  if (values.seed !== undefined && mode !== 'dynamic') return { error: '--seed only applies to --mode dynamic; add --mode dynamic' };
  const idStart = values['id-start'];
  if (idStart !== undefined && (!/^\d{1,19}$/.test(idStart) || BigInt(idStart) > 2n ** 63n - 1n)) {
    return { error: `--id-start must be an integer 0-${2n ** 63n - 1n}, got '${idStart}'` };
  }
  const stateOnly = /** @type {(keyof typeof values)[]} */ (['accounts', 'id-start', 'clock', 'max-messages', 'state-file', 'callback-url']).filter(
    (f) => values[f] !== undefined,
  );
  if (mode !== 'stateful' && stateOnly.length) return { error: `--${stateOnly[0]} only applies to the stateful mode, not to --mode ${mode}` };
  let accounts;
  if (values.accounts !== undefined) {
    try {
      accounts = JSON.parse(readFileSync(values.accounts, 'utf8'));
    } catch (error) {
      return { error: `--accounts: cannot read a JSON list from ${values.accounts}: ${error instanceof Error ? error.message : error}` };
    }
    if (!Array.isArray(accounts) || accounts.some((a) => typeof a !== 'string' || !a)) return { error: `--accounts: ${values.accounts} must hold a JSON list of accids (strings)` };
  }
  if (values['callback-url'] !== undefined && !/^https?:\/\/\S+$/.test(values['callback-url'])) return { error: `--callback-url must be an http(s) URL, got '${values['callback-url']}'` };

  const tuned = ['--rate-limit-calls', '--rate-limit-window', '--rate-limit-block'].some((f) => ints[f] !== undefined);
  const rateLimit =
    values['rate-limit'] || tuned ? { limit: ints['--rate-limit-calls'], windowMs: ints['--rate-limit-window'], blockMs: ints['--rate-limit-block'] } : false;
  const auth = !values['no-auth'];
  /** @type {import('./index.js').MockOptions} */
  const options = {
    host: values.host ?? (env.NIM_MOCK_HOST || undefined),
    port: ints['--port'] ?? DEFAULTS.port,
    spec: values.spec ?? (env.NIM_MOCK_SPEC || undefined),
    appKey: values['app-key'] ?? (env.NIM_MOCK_APPKEY || undefined),
    appSecret: values['app-secret'] ?? (env.NIM_MOCK_APPSECRET || undefined),
    auth,
    mode: /** @type {import('./index.js').MockMode} */ (mode), // checked against MODES above
    seed: values.seed,
    encoding: /** @type {'docs' | 'sdk' | undefined} */ (encoding), // checked against ENCODINGS above
    accounts,
    idStart: idStart === undefined ? undefined : BigInt(idStart),
    clock: ints['--clock'],
    maxMessages: ints['--max-messages'],
    stateFile: values['state-file'],
    callbackUrl: values['callback-url'],
    controlToken: values['control-token'] ?? (env.NIM_MOCK_CONTROL_TOKEN || undefined),
    rateLimit,
    bodyLimitBytes: ints['--body-limit'],
    headersTimeoutMs: ints['--headers-timeout'],
    requestTimeoutMs: ints['--request-timeout'],
    idleTimeoutMs: ints['--idle-timeout'],
    maxConnections: ints['--max-connections'],
    maxBufferedBytes: ints['--max-buffered-bytes'],
    log: values.quiet ? false : undefined,
  };
  return { options };
}
