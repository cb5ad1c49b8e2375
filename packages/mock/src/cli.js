// The command line: flags and environment -> startMock options (bin/nim-mock.js runs it).
import { parseArgs } from 'node:util';
import { DEFAULTS } from './options.js';
import { VENDOR_RATE_LIMIT } from './rate-limit.js';
import { ENCODINGS } from './encoding.js';

export const HELP = `nim-mock - a mock of the NetEase Yunxin (网易云信) IM server API that answers like the vendor

Usage: nim-mock [options]

  --host <addr>              address to listen on (default ${DEFAULTS.host}; env NIM_MOCK_HOST)
  --port <n>                 port, 0 for any free one (default ${DEFAULTS.port}; env NIM_MOCK_PORT)
  --spec <file>              bundled OpenAPI JSON to serve (default: the spec shipped in this package; env NIM_MOCK_SPEC)
  --app-key <key>            AppKey the mock accepts (default ${DEFAULTS.appKey}; env NIM_MOCK_APPKEY)
  --app-secret <secret>      AppSecret signatures are checked with (default ${DEFAULTS.appSecret}; env NIM_MOCK_APPSECRET)
  --no-auth                  accept requests without a valid signature (for tools that cannot sign)
  --dynamic                  generate schema-valid success bodies instead of serving the 'ok' examples
  --seed <seed>              with --dynamic: the same seed gives the same bodies, across restarts
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

Pick a named example per request with the header  Prefer: example=<name>  (e.g. paramError, rateLimited).
Readiness: GET /nimserver/health answers HTTP 200 {"status":"ok",...} once the mock accepts requests.
SIGINT/SIGTERM finish the requests in flight and exit 0.`;

/** @satisfies {NonNullable<import('node:util').ParseArgsConfig['options']>} */
const FLAGS = {
  host: { type: 'string' },
  port: { type: 'string' },
  spec: { type: 'string' },
  'app-key': { type: 'string' },
  'app-secret': { type: 'string' },
  'no-auth': { type: 'boolean' },
  dynamic: { type: 'boolean' },
  seed: { type: 'string' },
  encoding: { type: 'string' },
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
  ])) {
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!/^\d+$/.test(String(raw).trim()) || n < min || n > max) return { error: `${flag} must be an integer ${min}-${max}, got '${raw}'` };
    ints[flag] = n;
  }
  const encoding = values.encoding ?? (env.NIM_MOCK_ENCODING || undefined);
  if (encoding !== undefined && !ENCODINGS.includes(encoding)) return { error: `--encoding must be one of ${ENCODINGS.join(', ')}, got '${encoding}'` };
  if (values.seed !== undefined && !values.dynamic) return { error: '--seed only applies to --dynamic; add --dynamic' };

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
    dynamic: Boolean(values.dynamic),
    seed: values.seed,
    encoding,
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
