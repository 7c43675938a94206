import { describe, expect, it } from 'vitest';
import { parseShell, titleTag } from '../../src/worker/page/shell.js';

const shell = (head: string, body = '<!--ssr-outlet-->') =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('parseShell', () => {
  it('splits at the head outlet and the body outlet, lifting out the title', () => {
    const parsed = parseShell(shell('<meta charset="utf-8"><title>My &amp; App</title><!--ssr-head--><script src="/a.js"></script>'));
    expect(parsed.title).toBe('My & App');
    expect(parsed.start).toBe('<!doctype html><html><head><meta charset="utf-8">');
    expect(parsed.middle).toBe('<script src="/a.js"></script></head><body>');
    expect(parsed.end).toBe('</body></html>');
  });

  it('puts head tags just before </head> when there is no head outlet', () => {
    const parsed = parseShell(shell('<link rel="icon" href="x">'));
    expect(parsed.start).toBe('<!doctype html><html><head><link rel="icon" href="x">');
    expect(parsed.middle).toBe('</head><body>');
    expect(parsed.title).toBeUndefined();
  });

  it('rejects a shell without an outlet, saying what to add', () => {
    expect(() => parseShell(shell('', '<div id="app"></div>'))).toThrow(/has no <!--ssr-outlet-->/);
  });

  it('rejects a shell without </head>', () => {
    expect(() => parseShell('<!doctype html><body><!--ssr-outlet--></body>')).toThrow(/has no <\/head>/);
  });

  it('escapes the page title', () => {
    expect(titleTag('<b>"x" & y</b>')).toBe('<title>&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;</title>');
    expect(titleTag(undefined)).toBe('');
  });
});
