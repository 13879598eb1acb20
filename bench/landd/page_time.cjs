// Time to a drawn map of one landd page in headless chromium (SwiftShader WebGL): from the
// navigation's start to the map's first `idle` with every layer drawn (map.js sets
// body[data-map-ready]). Each run is a new browser with a new profile (nothing cached). Two
// cases per run: "running browser", the page opened once chromium has been up for SETTLE_MS
// (its own start-up work done), and "just launched", the page opened at once.
// Usage: node page_time.cjs URL RUNS   (LANDD_NODE_MODULES: web/'s npm packages)
'use strict';
const path = require('path');
const { launchChromium } = require(path.join(__dirname, '..', '..', 'web', 'headless_chromium.cjs'));

const [url, runs] = [process.argv[2], Number(process.argv[3] || 5)];
const settle = Number(process.env.SETTLE_MS || 3000);

async function timeOnce(waitFirst) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 860 });
    if (waitFirst) {
      await page.goto('about:blank');
      await new Promise((done) => setTimeout(done, settle));
    }
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60000 });
    return await page.evaluate(() => window.landd.drawnMs);
  } finally {
    await browser.close();
  }
}

(async () => {
  const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const running = [], launched = [];
  for (let i = 0; i < runs; ++i) {
    running.push(await timeOnce(true));
    launched.push(await timeOnce(false));
  }
  console.log(`${url}: running browser median ${median(running)} ms (${running.join(', ')}); ` +
              `just launched median ${median(launched)} ms (${launched.join(', ')})`);
})().catch((e) => { console.error(e); process.exit(1); });
