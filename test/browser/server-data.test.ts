/// <reference types="mocha" />
import { expect } from 'chai';
import type { ProfileCard } from './fixtures/profile-card.js';
import { hydrate, loadServerPage, watchShadowTrees, childListChanges } from './support/ssr.js';

const inShadow = (host: Element, selector: string) => host.shadowRoot!.querySelector(selector);

describe('streamed server data in Chromium', () => {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

  it('is swapped into place before any module runs, then hydrates without calling the server', async () => {
    const frame = await loadServerPage('profiles', { ids: [3, 1, 2] });
    frames.push(frame);
    const doc = frame.contentDocument!;
    // The inline swap scripts already ran: resolved content, no holders, no markers.
    expect(doc.querySelectorAll('lf-b')).to.have.length(0);
    expect(doc.querySelectorAll('[data-lf-b]')).to.have.length(0);
    const names = [...doc.querySelectorAll('profile-card')].map((card) => inShadow(card, 'h3')?.textContent);
    expect(names).to.deep.equal(['Profile 3', 'Profile 1', 'Profile 2']);
    const before = [...doc.querySelectorAll('profile-card')].map((card) => inShadow(card, 'h3'));
    const mutations = watchShadowTrees(doc.body);

    const win = await hydrate(frame);
    const cards = [...doc.querySelectorAll<ProfileCard>('profile-card')];
    expect(cards.map((card) => card.profile.status)).to.deep.equal(['complete', 'complete', 'complete']);
    expect(cards[0]!.profile.value!.tags).to.be.instanceOf((win as unknown as typeof globalThis).Set);
    expect(childListChanges(mutations())).to.deep.equal([]);
    cards.forEach((card, i) => expect(inShadow(card, 'h3')).to.equal(before[i]));
    expect(win.litflareFetched!.filter((url) => url.includes('/_lf/rpc/'))).to.deep.equal([]);
    expect(win.litflareLogged).to.deep.equal([]);
  });

  it('executes nothing hostile from attributes, text or hydration data', async () => {
    const payloads = [
      '</script><script>parent.__xss = "script-break"</script>',
      '<!--<script>parent.__xss = "comment"</script>-->',
      `"><img src=x onerror="parent.__xss = 'attr'">`,
      "'><svg onload=parent.__xss='svg'>",
      'line\u2028separator\u2029paragraph',
      `<template shadowrootmode="open"><img src=x onerror="parent.__xss='dsd'"></template>`,
      '${parent.__xss = "template-literal"}',
    ];
    const top = window as unknown as { __xss?: string };
    delete top.__xss;
    const frame = await loadServerPage('hostile', { payloads });
    frames.push(frame);
    const win = await hydrate(frame);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(top.__xss).to.equal(undefined);
    expect((win as unknown as { __xss?: string }).__xss).to.equal(undefined);
    const shown = [...frame.contentDocument!.querySelectorAll('echo-card')].map((card) => inShadow(card, 'output')?.textContent);
    expect(shown).to.deep.equal(payloads);
    expect(win.litflareFetched!.filter((url) => url.includes('/_lf/rpc/'))).to.deep.equal([]);
  });
});
