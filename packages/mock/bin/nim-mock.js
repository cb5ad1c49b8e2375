#!/usr/bin/env node
// nim-mock: start the vendor-faithful mock. `nim-mock --help` lists the flags.
import { parseArgs } from 'node:util';
import { startMock, DEFAULTS } from '../src/index.js';

const HELP = `nim-mock - a mock of the NetEase Yunxin IM server API that answers like the vendor

Usage: nim-mock [options]

  --host <addr>         address to listen on (default ${DEFAULTS.host}; env NIM_MOCK_HOST)
  --port <n>            port, 0 for any free one (default ${DEFAULTS.port}; env NIM_MOCK_PORT)
  --spec <file>         bundled OpenAPI JSON to serve (default: the spec shipped in this package)
  --app-key <key>       AppKey the mock accepts (default ${DEFAULTS.appKey}; env NIM_MOCK_APPKEY)
  --app-secret <secret> AppSecret it signs with (default ${DEFAULTS.appSecret}; env NIM_MOCK_APPSECRET)
  --no-auth             accept requests without a valid signature
  --dynamic             invent schema-valid bodies instead of serving the named examples
  --seed <seed>         seed of --dynamic, for repeatable bodies
  --rate-limit          answer 416 above 100 calls/s per operation and AppKey, then block for 10 s
  --quiet               no per-request log lines
  -h, --help            this text

Pick a named example per request with the header  Prefer: example=<name>  (e.g. paramError).
Readiness: GET /nimserver/health answers {"status":"ok"}.`;

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    spec: { type: 'string' },
    'app-key': { type: 'string' },
    'app-secret': { type: 'string' },
    'no-auth': { type: 'boolean' },
    dynamic: { type: 'boolean' },
    seed: { type: 'string' },
    'rate-limit': { type: 'boolean' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const env = process.env;
const port = Number(values.port ?? env.NIM_MOCK_PORT ?? DEFAULTS.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`nim-mock: --port must be 0-65535, got ${values.port ?? env.NIM_MOCK_PORT}`);
  process.exit(2);
}

try {
  const mock = await startMock({
    host: values.host ?? env.NIM_MOCK_HOST,
    port,
    spec: values.spec,
    appKey: values['app-key'] ?? env.NIM_MOCK_APPKEY,
    appSecret: values['app-secret'] ?? env.NIM_MOCK_APPSECRET,
    auth: !values['no-auth'],
    dynamic: values.dynamic ?? false,
    seed: values.seed,
    rateLimit: values['rate-limit'] ?? false,
    log: values.quiet ? false : undefined,
  });
  console.log(`nim-mock listening on ${mock.url} (AppKey ${mock.appKey}${values['no-auth'] ? ', signature checks off' : ''})`);
  const stop = async (signal) => {
    console.log(`nim-mock: ${signal}, shutting down`);
    await mock.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`nim-mock: could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
