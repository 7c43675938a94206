/// <reference types="mocha" />
import { expect } from 'chai';
import { hydrate, loadServerPage } from './support/ssr.js';

/** Lets the frame's timers scheduled so far run (the client's checks run in a timer after load). */
const afterFrameTimers = (frame: HTMLIFrameElement) => new Promise((resolve) => frame.contentWindow!.setTimeout(resolve));

describe('a streamed boundary whose swap script never ran', () => {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

  it('gets one warning in development that names the element and says why', async () => {
    const frame = await loadServerPage('unswappedBoundary');
    frames.push(frame);
    const win = await hydrate(frame);
    await afterFrameTimers(frame);
    expect(win.litflareLogged).to.have.length(1);
    const [warning] = win.litflareLogged!;
    expect(warning!.level).to.equal('warn');
    expect(warning!.text).to.contain('the server data of <lf-counter> streamed in but never took its place');
    expect(warning!.text).to.contain("allow litflare's nonce in script-src");
  });

  it('gets none when every boundary took its place', async () => {
    const frame = await loadServerPage('profiles', { ids: [1, 2] });
    frames.push(frame);
    const win = await hydrate(frame);
    await afterFrameTimers(frame);
    expect(frame.contentDocument!.querySelectorAll('profile-card').length).to.equal(2);
    expect(win.litflareLogged).to.deep.equal([]);
  });
});
