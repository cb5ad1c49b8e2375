// The emulator's part of the introduction comes from the emulator itself, so it cannot drift (issue 15): its
// options from `nim-mock --help` as the installed bin prints it, its control API from what a running mock lists at
// GET /_mock. Both are the mock's public interfaces; nothing here knows a flag by name.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** `nim-mock --help`, run from the installed package's `bin`. */
export function mockHelp() {
  const manifest = require.resolve('@nimkit/mock/package.json');
  const bin = JSON.parse(readFileSync(manifest, 'utf8')).bin['nim-mock'];
  return execFileSync(process.execPath, [join(dirname(manifest), bin), '--help'], { encoding: 'utf8' });
}

// A mock on a free loopback port, asked for its routes, then closed (a child process: the build stays synchronous).
const ROUTES_SCRIPT = `
import { startMock } from '@nimkit/mock';
const mock = await startMock({ host: '127.0.0.1', port: 0, log: false });
try {
  const answer = await fetch(new URL('/_mock', mock.url));
  process.stdout.write(JSON.stringify((await answer.json()).routes));
} finally {
  await mock.close();
}`;

/** @type {string[] | undefined} */
let routes;

/** The control API's routes as a running mock lists them: "METHOD  /_mock/...  what it does" (read once). */
export function mockControlRoutes() {
  routes ??= /** @type {string[]} */ (
    JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', ROUTES_SCRIPT], { cwd: PACKAGE_DIR, encoding: 'utf8' }),
    )
  );
  return routes;
}

/**
 * @typedef {{ flag: string, text: string }} MockOption
 * @typedef {{ heading: string, options: MockOption[] }} MockOptionGroup
 */

const OPTION = /^ {2}((?:-\w, )?--[a-z][\w-]*(?: <[^>]+>)?) {2,}(\S.*)$/;
const CONTINUED = /^ {10,}(\S.*)$/;
const HEADING = /^(\S.*):$/;

/**
 * The help text's options in its groups (`Options`, `Stateful mode`, ...), continuation lines joined.
 * @param {string} help
 * @returns {MockOptionGroup[]}
 */
export function parseHelp(help) {
  /** @type {MockOptionGroup[]} */
  const groups = [{ heading: 'Options', options: [] }];
  for (const line of help.split('\n')) {
    const group = /** @type {MockOptionGroup} */ (groups.at(-1));
    const option = OPTION.exec(line);
    const continued = CONTINUED.exec(line);
    const heading = HEADING.exec(line);
    if (option) group.options.push({ flag: /** @type {string} */ (option[1]), text: /** @type {string} */ (option[2]) });
    else if (continued && group.options.length) {
      const last = /** @type {MockOption} */ (group.options.at(-1));
      last.text += ` ${continued[1]}`;
    } else if (heading) groups.push({ heading: /** @type {string} */ (heading[1]), options: [] });
  }
  return groups.filter((g) => g.options.length);
}

/** Text for a table cell: no `|` that would split it, no `<x>` a Markdown renderer would take for a tag. */
const cell = (/** @type {string} */ text) => text.replace(/\|/g, '\\|').replace(/</g, '&lt;');

/**
 * The options table and the control API table, in Markdown.
 * @param {{ help?: string, routes?: string[] }} [source] default: the installed mock's own
 */
export function mockOptionsSection({ help = mockHelp(), routes = mockControlRoutes() } = {}) {
  const options = parseHelp(help).flatMap(({ heading, options }, i) => [
    ...(i ? ['', `**${heading}**`, ''] : []),
    '| Option | What it does |',
    '|---|---|',
    // a `|` splits a table cell even inside a code span, so it is escaped there too
    ...options.map((o) => `| \`${o.flag.replace(/\|/g, '\\|')}\` | ${cell(o.text)} |`),
  ]);
  const control = routes.map((route) => {
    const [, method, path, text] = /^(\S+)\s+(\S+)\s+(.*)$/.exec(route) ?? [route, '', route, ''];
    return `| \`${method} ${path}\` | ${cell(text)} |`;
  });
  return [
    '### Options of nim-mock',
    '',
    'Generated from `nim-mock --help`, which prints the same list.',
    '',
    ...options,
    '',
    '### The control API',
    '',
    'JSON under `/_mock/` on the same port, without the vendor signature; generated from what the mock lists at `GET /_mock`.',
    '',
    '| Route | What it does |',
    '|---|---|',
    ...control,
  ].join('\n');
}
