// The seam over Lit's private API (src/worker/renderer/lit-seam.ts): both of
// Lit's directive-resolve APIs render directives as @lit-labs/ssr does, each
// proven with a seam built from lit-html's `_$LH` without the other one. The
// tests run in order: patchDirectiveResolve changes Lit's directive classes
// for good (that is how it works), so it comes after the API that does not.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { reflectedAttributeName } from '@lit-labs/ssr/lib/reflected-attributes.js';
import { html } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import { _$LE } from 'lit-element/private-ssr-support.js';
import { _$LH } from 'lit-html/private-ssr-support.js';
import { describe, expect, it } from 'vitest';
import { checkLitSeam, litSsrProbe } from '../../src/worker/renderer/lit-seam-check.js';
import { createLitSeam, installedLitSeam, LIT_SSR_PROBE, useLitSeam, type LitSeam } from '../../src/worker/renderer/lit-seam.js';
import { TemplateRenderer } from '../../src/worker/renderer/renderer.js';
import { renderCases } from '../support/render-cases.js';

/** A seam over lit-html's `_$LH` without the members named. */
function seamWithout(...dropped: string[]): LitSeam {
  const litHtml = Object.fromEntries(Object.entries(_$LH).filter(([name]) => !dropped.includes(name)));
  return createLitSeam({ litHtml, litElement: _$LE, reflectedAttributeName });
}

/** `run()`, with `seam` as the active seam. */
function withSeam<T>(seam: LitSeam, run: () => T): T {
  const restore = useLitSeam(seam);
  try {
    return run();
  } finally {
    restore();
  }
}

/** litflare's renderer, with `seam` as the active seam. */
const renderWith = (seam: LitSeam, value: unknown) => withSeam(seam, () => new TemplateRenderer(value).produce(Number.POSITIVE_INFINITY).text);
const check = (seam: LitSeam) => withSeam(seam, checkLitSeam);

// Directives of this file only: no render has touched their classes before these tests.
class Echo extends Directive {
  render(value: unknown): unknown {
    return value;
  }
  override update(): never {
    throw new Error('update() ran on the server');
  }
}
const echo = directive(Echo);
class Bracket extends Directive {
  render(value: string): unknown {
    return echo(`[${value}]`);
  }
  override update(): never {
    throw new Error('update() ran on the server');
  }
}
const bracket = directive(Bracket);

const directives = (on: boolean) =>
  html`<p title=${echo('t')} data-x="1 ${echo('y')} 2" class=${classMap({ a: on, b: !on })}>${echo('text')}${bracket('nested')}${repeat(
    [1, 2],
    (i) => i,
    (i) => html`<i>${echo(i)}</i>`,
  )}</p>`;

/** Every value the tests render: this file's directives, and each case of the renderer's table that writes what Lit writes. */
const values = () => [
  directives(true),
  directives(false),
  ...Object.values(renderCases).flatMap((entry) => (entry.differsFromLit === undefined ? entry.args.map((args) => entry.render(...args)) : [])),
];

const noResolve = seamWithout('patchDirectiveResolve', 'overrideDirectiveResolve', 'setDirectiveClass');
const overrideOnly = seamWithout('patchDirectiveResolve');
const patchOnly = seamWithout('overrideDirectiveResolve', 'setDirectiveClass');
const rendered: Record<string, string[]> = {};

describe('directives, with either of Lit’s directive-resolve APIs', () => {
  it('a Lit with neither: the seam names what is missing, and a directive would run update() (so nothing is patched yet)', () => {
    expect(noResolve.missing).toEqual(['_$LH.patchDirectiveResolve (or overrideDirectiveResolve and setDirectiveClass)']);
    expect(noResolve.directiveResolve).toBeUndefined();
    expect(check(noResolve)).toMatch(/patchDirectiveResolve \(or overrideDirectiveResolve and setDirectiveClass\) is missing/);
    expect(() => renderWith(noResolve, directives(true))).toThrow('update() ran on the server');
  });

  it('overrideDirectiveResolve + setDirectiveClass: directives render, and Lit’s classes stay as they were', () => {
    expect(overrideOnly.missing).toEqual([]);
    expect(overrideOnly.directiveResolve).toBe('overrideDirectiveResolve');
    rendered.override = values().map((value) => renderWith(overrideOnly, value));
    expect(rendered.override[0]).toContain('<p title="t" data-x="1 y 2" class=" a ">');
    expect(rendered.override[0]).toContain('<!--lit-part-->text<!--/lit-part--><!--lit-part-->[nested]<!--/lit-part-->');
    // It made subclasses: the directive classes themselves still run update().
    expect(() => renderWith(noResolve, directives(true))).toThrow('update() ran on the server');
  });

  it('patchDirectiveResolve: directives render the same, through Lit’s own classes', () => {
    expect(patchOnly.missing).toEqual([]);
    expect(patchOnly.directiveResolve).toBe('patchDirectiveResolve');
    rendered.patch = values().map((value) => renderWith(patchOnly, value));
    expect(rendered.patch).toEqual(rendered.override);
    // It patched the classes: now they render even without a seam that patches.
    expect(renderWith(noResolve, directives(true))).toBe(rendered.patch[0]);
  });

  it('both write what @lit-labs/ssr writes, and pass the start-up check; the installed Lit uses patchDirectiveResolve', async () => {
    const lits = await Promise.all(values().map((value) => collectResult(render(value))));
    expect(rendered.override).toEqual(lits);
    expect(rendered.patch).toEqual(lits);
    expect(check(overrideOnly)).toBeUndefined();
    expect(check(patchOnly)).toBeUndefined();
    expect(installedLitSeam.missing).toEqual([]);
    expect(installedLitSeam.directiveResolve).toBe('patchDirectiveResolve');
  });
});

describe('the start-up check', () => {
  it('names every member that is missing', () => {
    const seam = createLitSeam({ litHtml: { ..._$LH, marker: undefined, AttributePart: 'not a class' }, litElement: {}, reflectedAttributeName: undefined });
    expect(seam.missing).toEqual([
      '@lit-labs/ssr reflectedAttributeName',
      '_$LH.marker',
      '_$LH.AttributePart',
      '_$LE.attributeToProperty',
      '_$LE.changedProperties',
    ]);
    expect(check(seam)).toBe(
      "Lit's private API it relies on has changed: @lit-labs/ssr reflectedAttributeName, _$LH.marker, _$LH.AttributePart, " +
        '_$LE.attributeToProperty, _$LE.changedProperties are missing',
    );
  });

  it('catches members that are there but behave differently', () => {
    // lit-html writing another marker into template HTML than the one it names.
    const otherMarker = createLitSeam({ litHtml: { ..._$LH, marker: 'lit$0$' }, litElement: _$LE, reflectedAttributeName });
    expect(otherMarker.missing).toEqual([]);
    expect(check(otherMarker)).toMatch(/^Lit's private API it relies on behaves differently: a probe render threw Error: litflare: this template has 9 expressions/);
    // LitElement no longer reporting the properties set before the first update: `count` is not reflected.
    const noChanges = createLitSeam({ litHtml: _$LH, litElement: { ..._$LE, changedProperties: () => new Map() }, reflectedAttributeName });
    expect(check(noChanges)).toMatch(/^Lit's private API it relies on behaves differently: a probe renders\n.*<b title="l"><!--lit-part-->l<!--\/lit-part--> \(<!--lit-part--><!--\/lit-part-->\)<\/b>.*\ninstead of\n.*\(<!--lit-part-->label count<!--\/lit-part-->\)/s);
    expect(check(installedLitSeam)).toBeUndefined();
  });

  it('knows what @lit-labs/ssr writes for its probe without rendering it (update LIT_SSR_PROBE with Lit)', () => {
    expect(litSsrProbe()).toBe(LIT_SSR_PROBE);
  });
});
