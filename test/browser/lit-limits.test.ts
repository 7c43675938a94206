/// <reference types="mocha" />
// Lit's own limits, where users meet them: a @lit/task Task never runs on the
// server and starts before the browser's first render, so the two render
// different states; litflare says so, once per element, in development.
import { expect } from 'chai';
import { deep, hydrate, loadServerPage } from './support/ssr.js';

/** Resolves when `check` holds, polling; fails after `ms`. */
async function until(check: () => boolean, ms = 4000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const ENTRY = '/test/browser/fixtures/client-entry-tasks.ts';
const taskWarnings = (logged: { level: string; text: string }[] = []) => logged.filter((entry) => entry.text.includes('@lit/task'));

describe('a @lit/task Task in a server-rendered element', () => {
  it('renders its initial state on the server (the Task never runs there)', async () => {
    const frame = await loadServerPage('tasks', { tags: ['task-card'] });
    expect(deep(frame.contentDocument!, 'task-card').shadowRoot!.innerHTML).to.contain('<p>Not loaded</p>');
    frame.remove();
  });

  it('cannot hydrate when initial and pending render different templates: litflare warns once, naming the element', async () => {
    const frame = await loadServerPage('tasks', { tags: ['task-card', 'task-card'] });
    const win = await hydrate(frame, ENTRY);
    // Lit's error, as the development overlay reports it (after asking the dev server to map its stack).
    await until(() => win.litflareLogged!.some((entry) => entry.text.includes('<task-card> could not hydrate: Hydration value mismatch')));
    const warnings = taskWarnings(win.litflareLogged);
    expect(warnings).to.have.length(1);
    expect(warnings[0]!.level).to.equal('warn');
    expect(warnings[0]!.text).to.match(/^litflare: <task-card> could not hydrate because of its @lit\/task Task: the server never runs a Task/);
    expect(warnings[0]!.text).to.contain('ServerData');
    frame.remove();
  });

  it('hydrates with one template for initial and pending, without a warning, and completes', async () => {
    const frame = await loadServerPage('tasks', { tags: ['task-card-same'] });
    const card = deep(frame.contentDocument!, 'task-card-same');
    const serverNode = card.shadowRoot!.querySelector('i');
    expect(serverNode?.textContent).to.equal('Loading…');
    const win = await hydrate(frame, ENTRY);
    expect(win.litflareLogged).to.deep.equal([]);
    await (card as unknown as { task: { taskComplete: Promise<unknown> } }).task.taskComplete;
    await (card as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(card.shadowRoot!.querySelector('b')?.textContent).to.equal('item 1');
    frame.remove();
  });
});
