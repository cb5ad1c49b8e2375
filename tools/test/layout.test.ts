// CONTRIBUTING's layout tree matches the repository: every path it names exists, and every top-level entry, every
// package and every entry of tools/ in `git ls-files` is named in it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const files = execFileSync('git', ['ls-files'], { cwd: repo, encoding: 'utf8' }).split('\n').filter(Boolean);

/** The paths the tree in CONTRIBUTING.md's Layout section names (directories end with '/'). */
function treePaths(markdown: string): string[] {
  const section = markdown.slice(markdown.indexOf('## Layout'));
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('CONTRIBUTING.md has no layout tree under ## Layout');
  const stack: string[] = [];
  const paths: string[] = [];
  for (const line of block.split('\n')) {
    const indent = /^ */.exec(line)![0].length;
    const name = line.trim().split(/\s+/)[0];
    if (!name || indent >= 20) continue; // blank, or a description's continuation line
    const depth = indent / 2;
    const path = stack.slice(0, depth).join('') + name;
    stack.length = depth;
    if (name.endsWith('/')) stack.push(name);
    paths.push(path);
  }
  return paths;
}

const paths = treePaths(readFileSync(`${repo}CONTRIBUTING.md`, 'utf8'));
const named = (entry: string) => paths.some((p) => p === entry || p.startsWith(entry));

describe("CONTRIBUTING.md's layout tree", () => {
  it('names only paths that exist', () => {
    const missing = paths.filter((p) => (p.endsWith('/') ? !files.some((f) => f.startsWith(p)) : !files.includes(p)));
    expect(missing).toEqual([]);
  });

  it('names every top-level entry, every package and every entry of tools/', () => {
    const entries = new Set<string>();
    for (const f of files) {
      const parts = f.split('/');
      entries.add(parts.length > 1 ? `${parts[0]}/` : parts[0]!);
      if (parts[0] === 'packages' || parts[0] === 'tools') entries.add(parts.length > 2 ? `${parts[0]}/${parts[1]}/` : f);
    }
    expect([...entries].filter((e) => !named(e))).toEqual([]);
  });

  it('reads a tree the way it is written', () => {
    expect(treePaths('## Layout\n\n```\na/                      x\n  b/                    y\n                        more of y\n    c.md                z\nd.json\n```\n')).toEqual([
      'a/',
      'a/b/',
      'a/b/c.md',
      'd.json',
    ]);
  });
});
