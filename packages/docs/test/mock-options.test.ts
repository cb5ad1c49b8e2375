// The page's emulator section cannot drift from the emulator: every flag `nim-mock --help` names and every route a
// running mock lists at GET /_mock is on the built page, with its own text.
import { describe, expect, it } from 'vitest';
import { startMock } from '@nimkit/mock';
import { mockHelp, mockOptionsSection, parseHelp } from '../src/mock-options.js';
import { pageDefinition } from './support/spec.js';

const intro: string = pageDefinition().info.description;

describe('the emulator section of the page', () => {
  it('lists every flag of nim-mock --help', () => {
    // Every `--flag` anywhere in the help (a looser reading than the generator's), so a flag the table misses fails.
    const flags = [...new Set(mockHelp().match(/(?<![\w-])--[a-z][a-z-]*/g))];
    expect(flags.length).toBeGreaterThan(20);
    expect(flags).toContain('--mode');
    const rows = intro.split('\n').filter((line) => line.startsWith('| `-'));
    for (const flag of flags) {
      expect(rows.some((row) => new RegExp(`^\\| \`(?:-\\w, )?${flag}[\` ]`).test(row)), `${flag} has a row`).toBe(true);
    }
  });

  it("lists every control API route a running mock names, with the mock's text", async () => {
    const mock = await startMock({ host: '127.0.0.1', port: 0, log: false });
    try {
      const answer = await fetch(new URL('/_mock', mock.url));
      const { routes } = (await answer.json()) as { routes: string[] };
      expect(routes.length).toBeGreaterThan(5);
      for (const route of routes) {
        const [method, path] = route.split(/\s+/);
        expect(intro, route).toContain(`| \`${method} ${path}\` |`);
      }
    } finally {
      await mock.close();
    }
  });

  it('the introduction holds the generated section where spec/introduction.md marks it', () => {
    expect(intro).not.toContain('<!-- docs:mock-options -->');
    const mockHeading = intro.indexOf('## Trying it on the mock');
    const section = intro.indexOf('### Options of nim-mock');
    expect(mockHeading).toBeGreaterThan(0);
    expect(section).toBeGreaterThan(mockHeading);
    expect(section).toBeLessThan(intro.indexOf('## Postman and Apifox'));
  });
});

describe('reading the help text', () => {
  const help = [
    'nim-mock - a mock',
    '',
    'Usage: nim-mock [options]',
    '',
    '  --port <n>                 port (default 4010)',
    '  --mode <a|b>               one of two;',
    '                             a second line',
    '  -h, --help                 this text',
    '',
    'Stateful mode:',
    '  --clock <ms>               freeze the clock',
    '',
    'Readiness: GET /nimserver/health answers.',
  ].join('\n');

  it('keeps the groups, joins continuation lines and skips prose', () => {
    expect(parseHelp(help)).toEqual([
      {
        heading: 'Options',
        options: [
          { flag: '--port <n>', text: 'port (default 4010)' },
          { flag: '--mode <a|b>', text: 'one of two; a second line' },
          { flag: '-h, --help', text: 'this text' },
        ],
      },
      { heading: 'Stateful mode', options: [{ flag: '--clock <ms>', text: 'freeze the clock' }] },
    ]);
  });

  it('escapes what would break a Markdown table', () => {
    const text = mockOptionsSection({ help, routes: ['POST   /_mock/faults            {"code"|"drop":true} <x>'] });
    expect(text).toContain('| `--mode <a\\|b>` | one of two; a second line |');
    expect(text).toContain('| `POST /_mock/faults` | {"code"\\|"drop":true} &lt;x> |');
    expect(text).toContain('**Stateful mode**');
  });
});
