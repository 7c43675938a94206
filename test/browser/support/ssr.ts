/** What the client entry of a fixture frame exposes on its window. */
export interface FixtureWindow extends Window {
  /** Resolves once every element has hydrated. */
  litflareHydrated?: Promise<void>;
  /** Warnings and errors logged in the frame. */
  litflareLogged?: { level: 'warn' | 'error'; text: string }[];
  /** Every URL the frame fetched. */
  litflareFetched?: string[];
}

/**
 * Loads the server's HTML for a fixture case into a same-origin iframe, where
 * the browser parses it exactly as a streamed page (declarative shadow roots
 * attach). No script has run yet: call {@link hydrate} to load the client.
 */
export function loadServerPage(name: string, args: object = {}): Promise<HTMLIFrameElement> {
  return loadFrame(`/__ssr?case=${name}&args=${encodeURIComponent(JSON.stringify(args))}`);
}

/** Loads `src` into a same-origin iframe, resolving once it has loaded. */
export async function loadFrame(src: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1024px;height:768px;border:0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = src;
  document.body.append(frame);
  await loaded;
  return frame;
}

/** Runs a client entry in the frame (as the page's module script would) and waits for hydration. */
export async function hydrate(frame: HTMLIFrameElement, entry = '/test/browser/fixtures/client-entry.ts'): Promise<FixtureWindow> {
  const win = frame.contentWindow as FixtureWindow;
  const doc = frame.contentDocument!;
  const script = doc.createElement('script');
  script.type = 'module';
  script.src = entry;
  const ran = new Promise((resolve, reject) => {
    script.addEventListener('load', resolve, { once: true });
    script.addEventListener('error', reject, { once: true });
  });
  doc.head.append(script);
  await ran;
  await win.litflareHydrated;
  return win;
}

/** Follows a path of selectors, each applied inside the previous match's shadow root. */
export function deep(root: ParentNode, ...path: string[]): Element {
  let scope: ParentNode = root;
  let found: Element | null = null;
  path.forEach((selector, i) => {
    found = scope.querySelector(selector);
    if (found === null) throw new Error(`nothing matches ${path.slice(0, i + 1).join(' >>> ')}`);
    if (i < path.length - 1) {
      if (found.shadowRoot === null) throw new Error(`${selector} has no shadow root`);
      scope = found.shadowRoot;
    }
  });
  return found!;
}

/** Records child-list and text changes inside every shadow root under `root` (hydration must make none). */
export function watchShadowTrees(root: ParentNode): () => MutationRecord[] {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((batch) => records.push(...batch));
  const visit = (scope: ParentNode) => {
    for (const element of scope.querySelectorAll('*')) {
      if (element.shadowRoot === null) continue;
      observer.observe(element.shadowRoot, { childList: true, subtree: true, characterData: true });
      visit(element.shadowRoot);
    }
  };
  visit(root);
  return () => {
    records.push(...observer.takeRecords());
    observer.disconnect();
    return records;
  };
}

/**
 * The records of nodes added or removed, but for empty text nodes added to
 * parts the server rendered empty (litflare's runtime adds them before Lit
 * hydrates, so Lit has the text node it expects there).
 */
export function childListChanges(records: MutationRecord[]): MutationRecord[] {
  const emptyText = (node: Node) => node instanceof Text && node.data === '';
  return records.filter(
    (record) => record.type === 'childList' && !(record.removedNodes.length === 0 && [...record.addedNodes].every(emptyText)),
  );
}

/** Waits until every Lit element under `root` (shadow roots included) has finished updating. */
export async function settled(root: ParentNode): Promise<void> {
  const pending: Promise<unknown>[] = [];
  const visit = (scope: ParentNode) => {
    for (const element of scope.querySelectorAll('*')) {
      const update = (element as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
      if (update !== undefined) pending.push(update);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root);
  await Promise.all(pending);
}
