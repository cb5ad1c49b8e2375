// A client on the stateful mock whose every answer is kept as wire text, to check each one against the spec's
// success schema (ids as bare JSON numbers, JSON inside string fields included) - what the client's own
// normalisation (ids as strings) would otherwise hide.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createNimClient } from '@nimkit/client';
import { okSchema } from '@nimkit/spec-lib';
import { APP_KEY, APP_SECRET, type Mock } from '../support/mock.js';
import { operations, spec } from '../support/spec.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('nim-id', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 });

const byPath = new Map(operations.map((o) => [o.path, o]));
const validators = new Map<string, (value: unknown) => string[]>();

function problems(schema: any, value: any, where: string): string[] {
  const validate = ajv.compile(schema);
  const out = validate(value) ? [] : [`${where}: ${ajv.errorsText(validate.errors)}`];
  if (schema.contentSchema && typeof value === 'string') out.push(...problems(schema.contentSchema, JSON.parse(value), `${where}(json)`));
  if (value && typeof value === 'object') {
    for (const [name, s] of Object.entries<any>(schema.properties ?? {})) if (value[name] !== undefined) out.push(...problems(s, value[name], `${where}.${name}`));
    if (schema.items && Array.isArray(value)) value.forEach((v, i) => out.push(...problems(schema.items, v, `${where}[${i}]`)));
  }
  return out;
}

export interface WireAnswer {
  operationId: string;
  text: string;
  code: number;
  /** What is wrong with a success body against the operation's success schema ([] when right, or not a success). */
  problems: string[];
}

export function qchatClient(mock: Mock) {
  const answers: WireAnswer[] = [];
  const nim = createNimClient({
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    baseUrl: mock.url,
    retry: false,
    fetch: async (url, init) => {
      const res = await fetch(url, init);
      const text = await res.clone().text();
      const op = byPath.get(new URL(String(url)).pathname.replace(/^\/nimserver/, ''))!;
      const body = JSON.parse(text);
      let check = validators.get(op.operationId);
      if (!check) {
        const schema = okSchema(spec, op.op);
        check = (value) => problems(schema, value, op.operationId);
        validators.set(op.operationId, check);
      }
      answers.push({ operationId: op.operationId, text, code: body.code, problems: body.code === 200 ? check(body) : [] });
      return res;
    },
  });
  return { nim, answers };
}
