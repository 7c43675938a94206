import { parse, stringify } from 'devalue';
import { describe, expect, it } from 'vitest';
import { escapeScriptJson } from '../../src/shared/hydration.js';

describe('escapeScriptJson', () => {
  const hostile = [
    '</script><script>window.pwned = 1</script>',
    '<!-- <script>',
    '</SCRIPT >',
    'line\u2028separator\u2029paragraph',
    `"'><img src=x onerror=alert(1)>`,
  ];
  // JSON.stringify leaves `<`, U+2028 and U+2029 as they are (devalue already
  // escapes them, which would hide an escaper that does nothing).
  const raw = JSON.stringify({ hostile });

  it('is given the raw characters', () => {
    expect(raw).toContain('</script>');
    expect(raw).toMatch(/[\u2028\u2029]/);
  });

  it('leaves nothing that can end or confuse the script element', () => {
    const escaped = escapeScriptJson(raw);
    expect(escaped).not.toContain('<');
    expect(escaped).not.toMatch(/[\u2028\u2029]/);
    expect(escaped).toContain('\\u003c/script>');
    expect(escaped).toContain('line\\u2028separator\\u2029paragraph');
  });

  it('decodes back to the same values, as JSON and as devalue', () => {
    expect(JSON.parse(escapeScriptJson(raw))).toEqual({ hostile });
    const value = { hostile, date: new Date(0), map: new Map([[1, 'one']]) };
    expect(parse(escapeScriptJson(stringify(value)))).toEqual(value);
  });
});
