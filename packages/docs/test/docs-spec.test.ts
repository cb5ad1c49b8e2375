// Per operation, the page carries what a reader needs: English summary with the vendor's Chinese title, a lead
// line linking the vendor page and naming the client method, its tag inside the QChat / Chatroom groups, request
// fields with their limits (JSON-in-form values spelled out), the named examples and generated code samples.
// And the built page is the current spec run through the current generator.
import { describe, expect, it } from 'vitest';
import { regions } from '@nimkit/client';
import { docsSpec } from '../src/docs-spec.js';
import { codeSamples } from '../src/code-samples.js';
import { operations, pageDefinition, pageOperations, spec } from './support/spec.js';

const definition = pageDefinition();
const onPage = pageOperations(definition);

describe('the page definition', () => {
  it('is what the current spec and generator produce (the page is not stale)', () => {
    expect(definition).toEqual(docsSpec(spec, { regions }));
  });

  it('has exactly the operations of the spec', () => {
    expect([...onPage.keys()].sort()).toEqual(operations.map((o) => o.operationId).sort());
  });

  it('groups every tag under QChat or Chatroom', () => {
    const groups = definition['x-tagGroups'] as Array<{ name: string; tags: string[] }>;
    expect(groups.map((g) => g.name.split(' ')[0])).toEqual(['QChat', 'Chatroom']);
    const grouped = groups.flatMap((g) => g.tags);
    for (const { operationId } of operations) {
      const tags: string[] = onPage.get(operationId).tags;
      expect(tags.length, operationId).toBe(1);
      expect(grouped, operationId).toContain(tags[0]);
    }
  });

  it('names every coded value with the client constant (Redoc shows x-enumDescriptions, not x-enum-varnames)', () => {
    expect(definition.components.schemas.ChatroomSendMsgRequest.properties.msgType.$ref).toBe('#/components/schemas/ChatroomMsgType');
    const msgType = definition.components.schemas.ChatroomMsgType;
    expect(msgType.title).toBe('ChatroomMsgType');
    expect(msgType['x-enumDescriptions']['0']).toBe('Text: Text (文本)');
    const status = definition.components.schemas.QchatInviteApplyRecord.properties.status;
    expect(status['x-enumDescriptions']).toMatchObject({ '0': 'Pending', '6': 'Expired' });
    expect(definition.components.schemas.QchatInviteMode['x-enumDescriptions']).toEqual({ '0': 'NeedsAcceptance', '1': 'NoAcceptance' });
    expect(JSON.stringify(definition)).not.toContain('x-enum-varnames');
  });

  it('leaves no reference dangling after pruning what Redoc does not show', () => {
    const text = JSON.stringify(definition);
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) expect(definition.components.schemas).toHaveProperty([name!]);
    for (const [, name] of text.matchAll(/"#\/components\/examples\/([^"]+)"/g)) expect(definition.components.examples).toHaveProperty([name!]);
  });
});

describe.each(operations)('$operationId on the page', ({ operationId, group, action, op }) => {
  const page = () => onPage.get(operationId);

  it('shows the English summary with the Chinese title', () => {
    expect(page().summary).toBe(`${op.summary} (${op['x-nim-title']})`);
  });

  it('starts its description with the vendor link and the TypeScript method, then the spec description', () => {
    const [lead, ...rest] = String(page().description).split('\n\n');
    expect(lead).toContain(`[${op['x-nim-title']}](${op.externalDocs.url})`);
    expect(lead).toContain(`nim.${group}.${action}()`);
    expect(rest.join('\n\n')).toContain(String(op.description).trim());
  });

  it('keeps the request body, the 200 response and its named examples', () => {
    expect(page().requestBody).toEqual(op.requestBody);
    const examples = page().responses['200'].content['application/json'].examples;
    expect(Object.keys(examples)).toEqual(Object.keys(op.responses['200'].content['application/json'].examples));
    expect(examples).toHaveProperty('ok');
    expect(examples).toHaveProperty('paramError');
  });

  it('has a curl and a TypeScript sample generated from the spec', () => {
    const samples = page()['x-codeSamples'];
    expect(samples.map((s: { label: string }) => s.label)).toEqual(['curl', 'TypeScript']);
    const o = operations.find((x) => x.operationId === operationId)!;
    expect(samples).toEqual(codeSamples(spec, o));
  });
});

describe('JSON inside form fields', () => {
  it('every such field spells out its JSON value on the page', () => {
    let count = 0;
    for (const { operationId, op } of operations) {
      const ref: string = op.requestBody.content['application/x-www-form-urlencoded'].schema.$ref;
      const name = ref.split('/').pop()!;
      const source = spec.components.schemas[name].properties;
      const shown = definition.components.schemas[name].properties;
      for (const [field, property] of Object.entries<any>(source)) {
        const resolved = property.$ref ? spec.components.schemas[property.$ref.split('/').pop()] : property;
        if (!resolved.contentSchema) continue;
        count++;
        const text = property.$ref ? definition.components.schemas[property.$ref.split('/').pop()].description : shown[field].description;
        expect(text, `${operationId}.${field}`).toContain('**JSON value**');
      }
    }
    expect(count).toBeGreaterThan(0);
  });
});
