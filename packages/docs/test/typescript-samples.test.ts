// Every TypeScript snippet of the page compiles against the real @nimkit/client types: the generated sample of
// each operation (facade method, body shape, destructured payload keys) and the ```ts blocks of the introduction.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, operations, pageDefinition, pageOperations } from './support/spec.js';

const definition = pageDefinition();
const onPage = pageOperations(definition);

function introBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** Type-checks snippets as separate ES modules under test/artifacts (so '@nimkit/client' resolves as in a project). */
function typeCheck(snippets: Record<string, string>): string[] {
  const dir = join(ARTIFACTS, 'ts-samples');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = Object.entries(snippets).map(([name, source]) => {
    const file = join(dir, `${name}.ts`);
    writeFileSync(file, source);
    return file;
  });
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe('TypeScript on the page', () => {
  it('every operation has a TypeScript sample calling its facade method', () => {
    for (const { operationId, group, action } of operations) {
      const sample = onPage.get(operationId)?.['x-codeSamples']?.find((s: { lang: string }) => s.lang === 'TypeScript');
      expect(sample?.source, operationId).toContain(`await nim.${group}.${action}(`);
    }
  });

  it('the introduction has TypeScript examples', () => {
    expect(introBlocks(definition.info.description).length).toBeGreaterThanOrEqual(2);
  });

  it('every sample and every introduction example compiles against @nimkit/client', () => {
    const snippets: Record<string, string> = {};
    for (const { operationId } of operations) {
      snippets[operationId] = onPage.get(operationId)['x-codeSamples'].find((s: { lang: string }) => s.lang === 'TypeScript').source;
    }
    introBlocks(definition.info.description).forEach((block, i) => (snippets[`introduction-${i + 1}`] = block));
    expect(typeCheck(snippets)).toEqual([]);
  });
});
