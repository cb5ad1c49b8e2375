// A group comes from the spec alone: an x-tagGroups entry with x-nim-group. A new entry gives a new facade
// namespace in the generated client, and the lint rule holds every operationId to its group.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listOperations } from '@nimkit/spec-lib';
import { generateOperations } from '../codegen/operations.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** A one-operation spec in a group nobody has written code for. */
function teamSpec(operationId = 'teamCreate') {
  const schema = { type: 'object', properties: { tid: { type: 'string' } } };
  const ok = { type: 'object', properties: { code: { const: 200 } } };
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1.0.0' },
    components: { schemas: { TeamCreateRequest: schema, TeamCreateOk: ok } },
    tags: [{ name: 'team-teams' }],
    'x-tagGroups': [{ name: 'Team (群组)', 'x-nim-group': 'team', tags: ['team-teams'] }],
    paths: {
      '/team/create.action': {
        post: {
          operationId,
          summary: 'Create a team',
          'x-nim-title': '创建群',
          tags: ['team-teams'],
          // Bodies are named component schemas, as in spec/ (the generator names the types after them).
          requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/TeamCreateRequest' } } } },
          responses: { '200': { content: { 'application/json': { schema: { oneOf: [{ $ref: '#/components/schemas/TeamCreateOk' }] } } } } },
        },
      },
    },
  };
}

describe('groups from x-tagGroups', () => {
  it('a new x-tagGroups entry is a new group, its operations named without the prefix', () => {
    expect(listOperations(teamSpec()).map(({ group, action }) => [group, action])).toEqual([['team', 'create']]);
  });

  it('the generated client gets the new namespace', () => {
    const code = generateOperations(teamSpec());
    expect(code).toContain("export type NimGroup = 'team';");
    expect(code).toContain('readonly team: TeamApi;');
    expect(code).toContain('create(body: TeamCreateRequest, options?: CallOptions): Promise<TeamCreateOk>;');
    expect(code).toMatch(/^ {2}team: \{\n {4}create: /m);
  });

  it('an operation whose tag has no group, or whose operationId lacks the prefix, is an error', () => {
    const untagged = teamSpec();
    untagged['x-tagGroups'] = [];
    expect(() => listOperations(untagged)).toThrow(/teamCreate: its tag "team-teams" is in no x-tagGroups entry with x-nim-group/);
    expect(() => listOperations(teamSpec('createTeam'))).toThrow(/createTeam: an operationId is its group prefix \(team\)/);
  });

  it('redocly lint fails every operation of a group renamed in the spec', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'nimkit-groups-'));
    try {
      cpSync(join(repo, 'spec'), join(copy, 'spec'), { recursive: true });
      const plugin = join(repo, 'tools/redocly/nim-plugin.js');
      writeFileSync(join(copy, 'redocly.yaml'), readFileSync(join(repo, 'redocly.yaml'), 'utf8').replace('./tools/redocly/nim-plugin.js', plugin));
      const file = join(copy, 'spec/openapi.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('x-nim-group: chatroom', 'x-nim-group: room'));
      const { code, output } = await new Promise<{ code: number; output: string }>((resolve) =>
        execFile(
          join(repo, 'node_modules/.bin/redocly'),
          ['lint', join(copy, 'spec/openapi.yaml'), '--config', join(copy, 'redocly.yaml'), '--format=stylish'],
          { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }, maxBuffer: 16 * 2 ** 20 },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
        ),
      );
      expect(code).not.toBe(0);
      expect(output).toContain('chatroomCreate: an operationId is its group prefix (room)');
      expect(output).not.toMatch(/qchatCreateServer: an operationId/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);
});
