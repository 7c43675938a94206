import { parse, stringify } from 'devalue';
import { describe, expect, it } from 'vitest';
import { escapeScriptJson } from '../../src/shared/hydration.js';

describe('escapeScriptJson', () => {
  const hostile = [
    '</script><script>window.pwned = 1</script>',
    '<!-- <script>',
    'line\u2028separator\u2029paragraph',
    `"'><img src=x onerror=alert(1)>`,
  ];

  it('leaves nothing that can end or confuse the script element', () => {
    const escaped = escapeScriptJson(stringify({ hostile }));
    expect(escaped).not.toContain('<');
    expect(escaped).not.toMatch(/[\u2028\u2029]/);
  });

  it('decodes back to the same values', () => {
    const value = { hostile, date: new Date(0), map: new Map([[1, 'one']]) };
    expect(parse(escapeScriptJson(stringify(value)))).toEqual(value);
  });
});
