// The build step that keeps the page from loading anything external: Redoc's CDN logo is replaced, and any
// tag or CSS that would fetch another origin as the page is parsed stops the build.
import { describe, expect, it } from 'vitest';
import { makeSelfContained, staticExternalLoads } from '../src/self-contained.js';
import { readPage } from './support/spec.js';

const LOGOS = '<img src="https://cdn.redoc.ly/redoc/logo-mini-full.svg"><img src="https://cdn.redoc.ly/redoc/logo-mini.svg">';

describe('makeSelfContained', () => {
  it('swaps both Redoc logos for inline SVG data URLs', () => {
    const out = makeSelfContained(`<html><body>${LOGOS}</body></html>`);
    expect(out).not.toContain('cdn.redoc.ly');
    expect(out.match(/src="data:image\/svg\+xml,/g)).toHaveLength(2);
  });

  it('fails when Redoc no longer has the logo it replaces (an upgrade must be looked at)', () => {
    expect(() => makeSelfContained('<html></html>')).toThrow(/logo URL/);
  });

  it('fails on anything in the HTML that loads another origin', () => {
    for (const load of [
      '<script src="https://unpkg.com/x.js"></script>',
      '<link rel="stylesheet" href="//fonts.googleapis.com/css?family=Roboto">',
      '<style>@font-face { src: url(https://fonts.gstatic.com/a.woff2) }</style>',
      '<img src="http://example.com/logo.png">',
    ]) {
      expect(() => makeSelfContained(`<html>${LOGOS}${load}</html>`), load).toThrow(/load nothing external/);
    }
  });

  it('lets links to other sites and same-page resources through', () => {
    expect(staticExternalLoads('<a href="https://doc.yunxin.163.com/x">vendor</a><img src="data:image/png;base64,AA"><script src="/local.js"></script>')).toEqual([]);
  });

  it('left nothing in the built page that loads another origin', () => {
    const page = readPage();
    expect(staticExternalLoads(page)).toEqual([]);
    expect(page).not.toContain('cdn.redoc.ly/redoc/logo');
  });
});
