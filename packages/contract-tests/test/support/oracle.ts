// An independent judge of the fuzzer's own bodies: ajv compiled here from the spec (caller's shape), plus the
// wire maxLength of JSON-in-form fields. It checks the generators keep their promise (valid bodies are valid; each
// invalid body breaks its rule and nothing outside its one field) before client and mock are judged on them.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { toClientShape } from '@nimkit/spec-lib';
import { codePoints, type Body, type Schema } from './schema-arbitraries.js';

export interface Broken {
  /** Top-level field ('' for the body as a whole, e.g. an if/then wrapper). */
  field: string;
  rule: string;
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addFormat('nim-id', true);

export function createOracle(wire: Schema): (body: Body) => Broken[] {
  const validate = ajv.compile(toClientShape(wire));
  const wireLimits = Object.entries(wire.properties as Record<string, Schema>).filter(([, p]) => p.contentSchema && p.maxLength !== undefined);
  return (body) => {
    const broken: Broken[] = validate(body)
      ? []
      : (validate.errors ?? []).map((e) => {
          const top = e.instancePath.split('/')[1];
          const field =
            top !== undefined
              ? top.replace(/~1/g, '/').replace(/~0/g, '~')
              : String(e.params['missingProperty'] ?? e.params['additionalProperty'] ?? '');
          return { field, rule: e.keyword };
        });
    for (const [name, p] of wireLimits) {
      const v = body[name];
      if (v !== undefined && typeof v !== 'string' && codePoints(JSON.stringify(v)) > p.maxLength) broken.push({ field: name, rule: 'maxLength' });
    }
    return broken;
  };
}
