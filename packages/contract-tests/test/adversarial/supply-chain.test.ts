// Supply chain: the runtime trees of the published packages hold no version listed in security/known-bad.json.
// `npm ls --omit=dev --all --json` is what an installation of the package would resolve, overrides applied.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const knownBad = JSON.parse(readFileSync(`${root}security/known-bad.json`, 'utf8')) as {
  packages: Record<string, { versions: string[]; advisories: string[] }>;
};

interface Node {
  version?: string;
  dependencies?: Record<string, Node>;
}

/** Every (name, version, path) in an `npm ls --json` tree. */
function* walk(deps: Record<string, Node> | undefined, trail: string[] = []): Generator<[string, string, string]> {
  for (const [name, node] of Object.entries(deps ?? {})) {
    if (node.version) yield [name, node.version, [...trail, `${name}@${node.version}`].join(' > ')];
    yield* walk(node.dependencies, [...trail, name]);
  }
}

describe('runtime dependency trees', () => {
  it('the known-bad list is well formed', () => {
    for (const entry of Object.values(knownBad.packages)) {
      expect(entry.versions.length).toBeGreaterThan(0);
      expect(entry.advisories.length).toBeGreaterThan(0);
    }
  });

  for (const workspace of ['@nimkit/client', '@nimkit/mock']) {
    it(`${workspace} has no known-bad package version`, () => {
      const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--json', '-w', workspace], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const tree = JSON.parse(out) as Node;
      const found: string[] = [];
      let count = 0;
      for (const [name, version, path] of walk(tree.dependencies)) {
        count++;
        const bad = knownBad.packages[name];
        if (bad?.versions.includes(version)) found.push(`${path} (${bad.advisories.join(', ')})`);
      }
      console.log(`supply chain ${workspace}: ${count} runtime packages checked, ${found.length} known-bad`);
      expect(count).toBeGreaterThan(0);
      expect(found).toEqual([]);
    });
  }
});
