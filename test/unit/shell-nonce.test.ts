import { describe, expect, it } from 'vitest';
import { parseShell } from '../../src/worker/page/shell.js';
import { withNonce } from '../../src/worker/page/shell-nonce.js';
import { swapScript } from '../../src/worker/page/swap-script.js';

const shell = parseShell(
  '<!doctype html><html><head><link rel="modulepreload" crossorigin href="/assets/lit.js" />' +
    '<script type="module" src="/assets/main.js" data-note="a>b"></script><style>p{}</style><!--ssr-head-->' +
    '<scripts-panel></scripts-panel><script>window.inline = 1</script></head><body><!--ssr-outlet-->' +
    "<script src='/late.js'></script></body></html>",
);

describe('the CSP nonce on the shell', () => {
  it('goes on every script, style and link tag, after its attributes', () => {
    const nonced = withNonce(shell, 'n0+/=');
    expect(nonced.start).toBe(
      '<!doctype html><html><head><link rel="modulepreload" crossorigin href="/assets/lit.js" nonce="n0+/=" />' +
        '<script type="module" src="/assets/main.js" data-note="a>b" nonce="n0+/="></script><style nonce="n0+/=">p{}</style>',
    );
    expect(nonced.middle).toBe('<scripts-panel></scripts-panel><script nonce="n0+/=">window.inline = 1</script></head><body>');
    expect(nonced.end).toBe("<script src='/late.js' nonce=\"n0+/=\"></script></body></html>");
  });

  it('is different for each response, and absent without one', () => {
    expect(withNonce(shell, 'first').start).toContain('nonce="first"');
    expect(withNonce(shell, 'second').start).not.toContain('first');
    expect(withNonce(shell, undefined)).toBe(shell);
  });

  it('goes on the swap script of streamed boundaries', () => {
    expect(swapScript(2, false, 'abc')).toBe('<script nonce="abc">__lf(2)</script>');
    expect(swapScript(2, false)).toBe('<script>__lf(2)</script>');
  });
});
