// Code samples generated from the spec at build time: a curl command whose body is exactly what the vendor
// accepts, and a TypeScript call through the client's facade.
import { encodeFormBody } from '@nimkit/client';
import { sampleRequest } from '../../../tools/samples/index.mjs';

const HOST = 'https://api.yunxinapi.com/nimserver';

export function codeSamples(spec, { operationId, path, group, action, op }) {
  const body = sampleRequest(spec, op, { full: false });
  return [
    { lang: 'Shell', label: 'curl', source: curl(path, body) },
    { lang: 'TypeScript', label: 'TypeScript', source: typescript(group, action, body) },
  ];
}

export function curl(path, body) {
  const form = encodeFormBody(body);
  return [
    `# CheckSum = sha1(AppSecret + Nonce + CurTime), lowercase hex`,
    `curl -X POST '${HOST}${path}' \\`,
    `  -H 'AppKey: YOUR_APP_KEY' -H "Nonce: $NONCE" -H "CurTime: $CURTIME" -H "CheckSum: $CHECKSUM" \\`,
    `  -H 'Content-Type: application/x-www-form-urlencoded;charset=utf-8' \\`,
    `  --data '${form.replace(/'/g, "'\\''")}'`,
  ].join('\n');
}

export function typescript(group, action, body) {
  return [
    `import { createNimClient } from '@nimkit/client';`,
    ``,
    `const nim = createNimClient({ appKey: process.env.NIM_APP_KEY!, appSecret: process.env.NIM_APP_SECRET! });`,
    `const result = await nim.${group}.${action}(${JSON.stringify(body, null, 2).replace(/\n/g, '\n')});`,
  ].join('\n');
}
