// The drift check can fail: run against a copy of the committed generated files, it passes, and with one of them
// altered it exits non-zero naming that file.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '@nimkit/spec-lib';
import { generatedArtefacts } from '../generated.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const checker = join(repo, 'tools/check-generated.mjs');

function check(root: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [checker, '--root', root], (error, _stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    );
  });
}

describe('tools/check-generated.mjs', () => {
  let copy: string;
  let files: string[];

  beforeAll(async () => {
    files = (await generatedArtefacts(loadSpec())).map((a) => a.file);
    copy = mkdtempSync(join(tmpdir(), 'nimkit-drift-'));
    for (const file of files) cpSync(join(repo, file), join(copy, file));
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('covers the client files, EXAMPLES.md and the ADR 0006 table', () => {
    expect(files).toContain('packages/client/src/generated/operations.ts');
    expect(files).toContain('packages/mock/EXAMPLES.md');
    expect(files).toContain('docs/adr/0006-inferred-required-flags.md');
  });

  it('passes on the committed files', async () => {
    expect(await check(copy)).toEqual({ code: 0, stderr: '' });
  }, 60_000);

  // The ADR keeps its hand-written prose, so only an edit inside its generated table is drift.
  const edits: Array<[string, (text: string) => string]> = [
    ['packages/client/src/generated/validators.ts', (text) => `${text}\n// edited by hand\n`],
    ['packages/mock/EXAMPLES.md', (text) => text.replace('`paramError` 414', '`paramError` 400')],
    ['docs/adr/0006-inferred-required-flags.md', (text) => text.replace('| qchatRemoveServer | `accid`, `serverId` |', '| qchatRemoveServer | `serverId` |')],
  ];

  it.each(edits)('fails naming %s when it is stale', async (stale, edit) => {
    const root = mkdtempSync(join(tmpdir(), 'nimkit-drift-'));
    try {
      cpSync(copy, root, { recursive: true });
      const before = readFileSync(join(root, stale), 'utf8');
      expect(edit(before)).not.toBe(before);
      writeFileSync(join(root, stale), edit(before));
      const { code, stderr } = await check(root);
      expect(code).toBe(1);
      expect(stderr).toContain(stale);
      for (const other of files.filter((f) => f !== stale)) expect(stderr).not.toContain(other);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  it('fails when a generated file is missing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nimkit-drift-'));
    try {
      cpSync(copy, root, { recursive: true });
      rmSync(join(root, 'packages/client/src/generated/spec-version.ts'));
      const { code, stderr } = await check(root);
      expect(code).toBe(1);
      expect(stderr).toMatch(/spec-version\.ts\s+\(missing/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
