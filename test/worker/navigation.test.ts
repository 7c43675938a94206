import { html } from 'lit';
import { createApp } from 'litflare/worker';
import { describe, expect, it } from 'vitest';
import { send } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';

const page = () => html`<a href="/next">Next</a>`;
const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];

async function head(options: Parameters<typeof createApp>[0]) {
  const app = createApp({ shell: testShell, ...options });
  app.page('/', page);
  app.page('/cached', page, { cache: { maxAge: 60 } });
  const response = await send(app, '/');
  return { response, html: await response.text(), app };
}

const rulesIn = (text: string) => {
  const json = /<script type="speculationrules"[^>]*>(.*?)<\/script>/.exec(text)?.[1];
  return json === undefined ? undefined : (JSON.parse(json) as { prefetch: { eagerness: string; where: { and: unknown[] } }[] });
};

describe('createApp({ navigation })', () => {
  it('sends a nonced Speculation Rules script that prefetches same-origin links, never state-changing ones, and the View Transition style', async () => {
    const { response, html: text } = await head({ navigation: { prefetch: 'moderate', viewTransitions: true, exclude: ['/cart/*'] } });
    const nonce = nonceOf(response)!;
    expect(text).toContain(`<script type="speculationrules" nonce="${nonce}">`);
    expect(text).toContain(`<style nonce="${nonce}">@view-transition{navigation:auto}</style>`);
    expect(text.indexOf('speculationrules')).toBeLessThan(text.indexOf('</head>'));
    const rules = rulesIn(text)!;
    expect(rules.prefetch).toHaveLength(1);
    expect(rules.prefetch[0]!.eagerness).toBe('moderate');
    expect(rules.prefetch[0]!.where.and).toEqual([
      { href_matches: '/*' },
      { not: { href_matches: '/sign-out' } },
      { not: { href_matches: '/sign-out/*' } },
      { not: { href_matches: '/signout' } },
      { not: { href_matches: '/logout' } },
      { not: { href_matches: '/logout/*' } },
      { not: { href_matches: '/log-out' } },
      { not: { href_matches: '/_lf/*' } },
      { not: { href_matches: '/cart/*' } },
      { not: { selector_matches: '[rel~=nofollow], [data-no-prefetch], [download], [href*="lf-action"]' } },
    ]);
  });

  it('takes each eagerness; prefetch: false sends no rules, viewTransitions: false no style; without the option, nothing', async () => {
    for (const prefetch of ['eager', 'conservative'] as const) {
      expect(rulesIn((await head({ navigation: { prefetch } })).html)!.prefetch[0]!.eagerness).toBe(prefetch);
    }
    const off = (await head({ navigation: { prefetch: false, viewTransitions: false } })).html;
    expect(off).not.toContain('speculationrules');
    expect(off).not.toContain('@view-transition');
    const none = (await head({})).html;
    expect(none).not.toContain('speculationrules');
    expect(none).not.toContain('@view-transition');
    expect((await head({ navigation: { prefetch: false } })).html).toContain('@view-transition');
  });

  it('escapes an exclusion that would end the script', async () => {
    const { html: text } = await head({ navigation: { exclude: ['/</script><script>alert(1)</script>'] } });
    expect(text).not.toContain('<script>alert(1)');
    expect(JSON.stringify(rulesIn(text))).toContain('/</script><script>alert(1)</script>');
  });

  it('keeps working in a page served from the edge cache: the rules carry each visitor’s nonce', async () => {
    const { app } = await head({ navigation: { prefetch: 'eager' } });
    for (let i = 0; i < 2; i++) {
      const response = await send(app, 'https://navigation.test/cached');
      const text = await response.text();
      expect(text).toContain(`<script type="speculationrules" nonce="${nonceOf(response)}">`);
    }
  });
});
