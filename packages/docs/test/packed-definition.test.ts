// The definition packed into the page unpacks to exactly what Redoc's build inlined; npm start's address rewrite
// reaches inside it.
import { describe, expect, it } from 'vitest';
import { packDefinition, readDefinition, replaceInPage } from '../src/packed-definition.js';

const definition = { openapi: '3.1.0', servers: [{ url: 'http://127.0.0.1:4010/nimserver' }], info: { title: '圈组 </script>' } };
const page = `<html><head></head><body><p>http://127.0.0.1:4010/nimserver</p><script type="module">
      const __redoc_definition = ${JSON.stringify(definition)};
      const __redoc_options = {};
</script></body></html>`;

describe('packDefinition', () => {
  it('replaces the JSON literal by a smaller packed form that reads back the same', () => {
    const big = page.replace(JSON.stringify(definition), JSON.stringify({ ...definition, paths: { x: 'y'.repeat(5000) } }));
    const packed = packDefinition(big);
    expect(packed.length).toBeLessThan(big.length / 5);
    expect(packed).toContain('DecompressionStream("gzip")');
    expect(readDefinition(packed)).toEqual(readDefinition(big));
  });

  it('replaceInPage rewrites the page and the packed definition alike', () => {
    const moved = replaceInPage(packDefinition(page), 'http://127.0.0.1:4010/nimserver', 'http://127.0.0.1:5000/nimserver');
    expect(readDefinition(moved).servers[0].url).toBe('http://127.0.0.1:5000/nimserver');
    expect(moved).toContain('<p>http://127.0.0.1:5000/nimserver</p>');
    expect(moved).not.toContain('4010');
  });

  it('refuses a page without an inlined definition', () => {
    expect(() => packDefinition('<html></html>')).toThrow(/no inlined Redoc definition/);
  });
});
