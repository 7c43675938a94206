// Client-side figures in Chromium: JavaScript transferred and main-thread script time.
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../test/support/chromium.mjs';

/** Loads `url` `samples` times in fresh contexts; medians of gzip JS bytes fetched and script time (ms) until idle. */
export async function measurePage(url, samples = 5) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const bytes = [];
  const script = [];
  try {
    for (let i = 0; i < samples; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await cdp.send('Network.enable');
      const scripts = new Map();
      cdp.on('Network.responseReceived', (event) => {
        if (event.type === 'Script') scripts.set(event.requestId, 0);
      });
      cdp.on('Network.loadingFinished', (event) => {
        if (scripts.has(event.requestId)) scripts.set(event.requestId, event.encodedDataLength);
      });
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.waitForTimeout(300);
      const { metrics } = await cdp.send('Performance.getMetrics');
      script.push((metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000);
      bytes.push([...scripts.values()].reduce((a, b) => a + b, 0));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { jsBytes: median(bytes), scriptMs: median(script) };
}
