// The package as a user gets it: publint and @arethetypeswrong/cli clean, then `npm pack`, install the tarball into
// a fresh project outside the workspace, type-check ESM and CJS consumers with nodenext resolution, and run both
// against the real mock. The tarball is packed from turbo's build with `--ignore-scripts`: `prepack` rebuilds with
// tsup's `clean`, which would delete dist/ under the other suites reading it at the same time; that `prepack` builds
// a fresh clone's package is proved on a copy of its sources instead.
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_KEY, APP_SECRET, startTestMock, type Mock } from '../support/mock.js';
import { run } from '../support/run.js';
import { spec } from '../support/spec.js';

const pkgDir = dirname(createRequire(import.meta.url).resolve('@nimkit/client/package.json'));
const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const bin = (name: string) => join(repoRoot, 'node_modules/.bin', name);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let mock: Mock;
let work: string;
let tarball: string;

beforeAll(async () => {
  mock = await startTestMock();
  work = await mkdtemp(join(tmpdir(), 'nimkit-client-pack-'));
  const packed = await run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: pkgDir });
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info!.filename);
  (globalThis as { packedFiles?: string[] }).packedFiles = info!.files.map((f) => f.path);
}, 180_000);

afterAll(async () => {
  await mock?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('lint of the package', () => {
  it('publint --strict finds nothing', async () => {
    const result = await run(bin('publint'), ['--strict'], { cwd: pkgDir });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('All good');
  });

  it('@arethetypeswrong/cli finds no problem for any entry and resolution mode', async () => {
    const result = await run(bin('attw'), [tarball, '--format', 'json'], { cwd: pkgDir });
    const report = JSON.parse(result.stdout) as { problems: Record<string, unknown> | unknown[]; analysis: { entrypoints: Record<string, unknown> } };
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(['.', './core', './package.json']);
    expect(report.problems).toEqual(Array.isArray(report.problems) ? [] : {});
    expect(result.code).toBe(0);
  });
});

describe('the tarball', () => {
  it('holds the built entries, their types and the README, and nothing else', () => {
    const files = (globalThis as { packedFiles?: string[] }).packedFiles!;
    for (const f of ['package.json', 'README.md', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/core.js', 'dist/core.cjs', 'dist/core.d.ts', 'dist/core.d.cts']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => !f.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(f))).toEqual([]);
  });

  it('packed from a fresh clone (no dist/), prepack builds the entries first', async () => {
    // The copy keeps the repository's relative layout (the tsconfig extends ../../tsconfig.base.json) and borrows the
    // installed node_modules, so tsup runs exactly as in a clone after `npm ci`.
    const clone = join(work, 'clone');
    const copy = join(clone, 'packages/client');
    await mkdir(copy, { recursive: true });
    for (const f of ['package.json', 'README.md', 'LICENSE', 'tsconfig.json', 'tsup.config.ts', 'src']) {
      await cp(join(pkgDir, f), join(copy, f), { recursive: true });
    }
    await cp(join(repoRoot, 'tsconfig.base.json'), join(clone, 'tsconfig.base.json'));
    await symlink(join(repoRoot, 'node_modules'), join(clone, 'node_modules'), 'dir');
    const packed = await run(npm, ['pack', '--dry-run', '--json'], { cwd: copy });
    expect(packed.code, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as { files: { path: string }[] }[];
    // tsup names the shared type chunk by a hash of its path, so chunk names differ between the two builds.
    const names = (paths: string[]) => paths.map((p) => p.replace(/-[\w-]{8}(\.d\.c?ts)$/, '-[hash]$1')).sort();
    expect(names(info!.files.map((f) => f.path))).toEqual(names((globalThis as { packedFiles?: string[] }).packedFiles!));
  }, 180_000);

  it('installs into a fresh project; ESM and CJS consumers type-check (nodenext) and call the mock', async () => {
    const project = join(work, 'consumer');
    await run('mkdir', ['-p', project]);
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const install = await run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', tarball], { cwd: project, timeoutMs: 170_000 });
    expect(install.code, install.stderr).toBe(0);

    await writeFile(
      join(project, 'esm.mts'),
      `import { createNimClient, NimApiError, specVersion, type QchatGetServersOk } from '@nimkit/client';
const [baseUrl, appKey, appSecret] = process.argv.slice(2) as [string, string, string];
const nim = createNimClient({ appKey, appSecret, baseUrl, retry: false });
const { serverInfo } = await nim.qchat.createServer({ accid: 'zhangsan', name: 'packed' });
const page: QchatGetServersOk = await nim.qchat.getServers({ serverIds: [serverInfo.serverId] });
const id: string = page.serverInfos[0]!.serverId;
let code = 0;
try {
  await nim.qchat.getServers({ serverIds: ['1'] }, { headers: { Prefer: 'example=paramError' } });
} catch (error) {
  if (error instanceof NimApiError) code = error.code;
}
console.log(JSON.stringify({ id: typeof id, code, specVersion }));
`,
    );
    await writeFile(
      join(project, 'cjs.cts'),
      `import core = require('@nimkit/client/core');
const [baseUrl, appKey, appSecret] = process.argv.slice(2) as [string, string, string];
const nim = core.createNimClient({ appKey, appSecret, baseUrl, retry: false });
nim.chatroom.get({ roomid: '6001' }).then((r) => console.log(JSON.stringify({ roomid: typeof r.chatroom.roomid, code: r.code })));
`,
    );
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, outDir: 'out', types: ['node'], typeRoots: [join(repoRoot, 'node_modules/@types')], skipLibCheck: false },
        files: ['esm.mts', 'cjs.cts'],
      }),
    );
    const tsc = await run(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: project });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);

    const esm = await run(process.execPath, ['out/esm.mjs', mock.url, APP_KEY, APP_SECRET], { cwd: project });
    expect(esm.stderr).toBe('');
    expect(JSON.parse(esm.stdout)).toEqual({ id: 'string', code: 414, specVersion: spec.info.version });

    const cjs = await run(process.execPath, ['out/cjs.cjs', mock.url, APP_KEY, APP_SECRET], { cwd: project });
    expect(cjs.stderr).toBe('');
    expect(JSON.parse(cjs.stdout)).toEqual({ roomid: 'string', code: 200 });
  }, 240_000);
});
