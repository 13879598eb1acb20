// landd's pages in a real browser: Debian's chromium, headless, driven by puppeteer-core (npm,
// pinned by web/package-lock.json). Every page must load with no console error and no request
// leaving 127.0.0.1; the landing map must draw parcels, show a clicked parcel's attributes, redraw
// for another date, and find a site by a name typed without diacritics.
// Usage: node map_pages.cjs BASE_URL SCREENSHOT_DIR PARCEL_UID RETIRED_KEY
// Environment: LANDD_NODE_MODULES (the npm packages), CHROMIUM (default /usr/bin/chromium).
'use strict';
const path = require('path');
const { launchChromium } = require(path.join(__dirname, '..', '..', 'web', 'headless_chromium.cjs'));

const [base, shots, uid, retiredKey] = process.argv.slice(2);
const sitePath = new URL(base).pathname.replace(/\/+$/, '');  // "" or the published path, e.g. "/landd"
const failures = [];
function check(condition, what) {
  console.log((condition ? 'ok   ' : 'FAIL ') + what);
  if (!condition) failures.push(what);
}

// Opens a page, failing on console errors and on any request that leaves 127.0.0.1.
async function open(browser, url, { expectStatus = 200, width = 1280, height = 860 } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('response', (r) => { if (r.status() >= 400) problems.push('answer ' + r.status() + ': ' + r.url()); });
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') return r.continue();
    if (u.hostname === '127.0.0.1') {
      // Published under a path (behind a proxy): every link and request of the pages stays under it.
      if (!(u.pathname + '/').startsWith(sitePath + '/')) problems.push('request outside ' + sitePath + ': ' + r.url());
      return r.continue();
    }
    problems.push('request left 127.0.0.1: ' + r.url());
    return r.abort();
  });
  const started = Date.now();
  const answer = await page.goto(base + url, { waitUntil: 'load' });
  check(answer.status() === expectStatus, url + ' answers ' + expectStatus + ' (got ' + answer.status() + ')');
  const hasMap = await page.$('#map');
  let drawnMs = null;
  if (hasMap) {
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 30000 });
    drawnMs = Date.now() - started;
    console.log('  ' + url + ': map loaded ' + await page.evaluate(() => window.landd.loadedMs) + ' ms, layers added ' +
                await page.evaluate(() => window.landd.viewMs) + ' ms, drawn ' + await page.evaluate(() => window.landd.drawnMs) +
                ' ms after navigation');
  }
  page.problems = problems;
  page.drawnMs = drawnMs;
  return page;
}

function finish(page, url) {
  // A 404/400 page's own status is reported by chromium as a console error of the document.
  const problems = page.problems.filter((p) => !page.expectsError || !/status of (404|400)|^answer (404|400)/.test(p));
  check(problems.length === 0, url + ': no console error, nothing outside 127.0.0.1' + (problems.length ? ' -- ' + problems.join(' | ') : ''));
}

// The colour drawn on the map canvas at a longitude/latitude, and where that is on the page.
async function pixelAt(page, lngLat) {
  return page.evaluate((lngLat) => {
    const map = window.landd.map;
    const p = map.project(lngLat);
    const canvas = map.getCanvas();
    const ratio = canvas.width / canvas.clientWidth;
    const copy = document.createElement('canvas');
    copy.width = canvas.width; copy.height = canvas.height;
    const ctx = copy.getContext('2d');
    ctx.drawImage(canvas, 0, 0);
    const d = ctx.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data;
    const box = canvas.getBoundingClientRect();
    return { rgb: [d[0], d[1], d[2]], x: box.left + p.x, y: box.top + p.y };
  }, lngLat);
}
const background = [0xf4, 0xf1, 0xea];
const differs = (a, b) => a.some((v, i) => Math.abs(v - b[i]) > 8);

async function idle(page) {
  await page.evaluate(() => new Promise((done) => {
    const map = window.landd.map;
    map.once('idle', done);
    map.triggerRepaint();
  }));
}

(async () => {
  const browser = await launchChromium();
  try {
    // The parcel whose place is looked at: its centre from the API.
    const parcel = await (await fetch(base + '/collections/parcels/items/' + uid)).json();
    const ring = parcel.geometry.coordinates[0][0];
    const centre = ring.slice(0, -1).reduce((a, p) => [a[0] + p[0] / (ring.length - 1), a[1] + p[1] / (ring.length - 1)], [0, 0]);

    // The landing page: every layer, parcels drawn, click, date, search.
    let page = await open(browser, '/?f=html');
    console.log('time to a drawn map (landing page): ' + page.drawnMs + ' ms');
    await page.evaluate((c) => window.landd.map.jumpTo({ center: c, zoom: 17 }), centre);
    await idle(page);
    const drawn = await pixelAt(page, centre);
    check(differs(drawn.rgb, background), 'the parcel is drawn at its place (' + drawn.rgb + ' vs background ' + background + ')');
    await page.screenshot({ path: path.join(shots, 'landing.png') });
    await page.mouse.click(drawn.x, drawn.y);
    await page.waitForFunction((key) => document.getElementById('details').textContent.includes(key), { timeout: 10000 },
                               parcel.properties.key);
    check(true, 'clicking the parcel shows its attributes (key ' + parcel.properties.key + ')');
    const links = await page.$$eval('#details a', (as) => as.map((a) => a.getAttribute('href')));
    check(links.some((h) => h.includes('/history')), 'the attributes link to the parcel\'s history');
    await page.screenshot({ path: path.join(shots, 'landing-clicked.png') });
    // A date before the first survey: no parcel existed, the place shows the background.
    await page.$eval('#parcels-date', (input) => { input.value = '2000-01-01'; input.dispatchEvent(new Event('change')); });
    await idle(page);
    const before = await pixelAt(page, centre);
    check(differs(drawn.rgb, before.rgb), 'the date control changes what is drawn (' + drawn.rgb + ' -> ' + before.rgb + ')');
    await page.screenshot({ path: path.join(shots, 'landing-2000.png') });
    // Search without diacritics.
    await page.type('#search-q', 'chua linh quang');
    await page.click('#search button[type=submit]');
    await page.waitForFunction(() => document.getElementById('search-results').children.length > 0, { timeout: 10000 });
    const found = await page.$eval('#search-results', (ul) => ul.textContent);
    check(found.includes('Chùa Linh Quang'), 'a search without diacritics lists the site (' + found.slice(0, 80) + ')');
    // Keyboard: the layer switches are reachable with Tab.
    let reached = false;
    for (let i = 0; i < 60 && !reached; ++i) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => !!document.activeElement.closest('#controls'));
    }
    check(reached, 'the map\'s controls are reachable with the keyboard');
    finish(page, '/');
    await page.close();

    // At phone width nothing overflows sideways.
    page = await open(browser, '/?f=html', { width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, 'the landing page fits a phone\'s width (overflow ' + overflow + ' px)');
    await page.screenshot({ path: path.join(shots, 'landing-phone.png'), fullPage: false });
    finish(page, '/ (phone)');
    await page.close();

    // The parcel page: the parcel, its neighbours and its timeline.
    page = await open(browser, '/collections/parcels/items/' + uid + '?f=html');
    await page.waitForFunction(() => document.querySelectorAll('#timeline li').length > 0, { timeout: 10000 });
    await page.waitForFunction(() => document.querySelectorAll('#neighbours li').length > 0, { timeout: 10000 });
    check(true, 'the parcel page shows its timeline and neighbours');
    await idle(page);
    await page.screenshot({ path: path.join(shots, 'parcel.png'), fullPage: true });
    finish(page, 'parcel page');
    await page.close();

    // The items page: table rows open attributes.
    page = await open(browser, '/collections/parcels/items?f=html&limit=20&sortby=-soThua');
    await page.click('table.features tbody tr:nth-child(2) td:nth-child(2)');
    await page.waitForFunction(() => document.getElementById('details').textContent.includes('Its page'), { timeout: 10000 });
    check(true, 'a table row shows its feature\'s attributes');
    await page.screenshot({ path: path.join(shots, 'parcel-items.png') });
    finish(page, 'parcel items');
    await page.close();

    for (const url of ['/parcels/' + uid + '/history?f=html', '/collections/tourism_sites/items?f=html',
                       '/collections/changes/items?f=html&datetime=2019-07-01/2024-12-31', '/collections/planning_zones?f=html',
                       '/collections?f=html', '/reports/transition?from=2019-06-30&to=2024-06-30&f=html']) {
      page = await open(browser, url);
      await page.screenshot({ path: path.join(shots, url.replace(/[^a-z0-9]+/gi, '_').slice(0, 60) + '.png') });
      finish(page, url);
      await page.close();
    }
    // Error pages a person can read, with links onward.
    for (const [url, status] of [['/collections/parcels/items/' + encodeURIComponent(retiredKey) + '?f=html', 404],
                                 ['/collections/parcels/items?f=html&limit=x', 400]]) {
      page = await open(browser, url, { expectStatus: status });
      page.expectsError = true;
      const text = await page.$eval('main', (m) => m.textContent);
      check(/retired|not a whole number/.test(text) && (await page.$$('main a')).length > 0,
            url + ': a readable error with links onward');
      await page.screenshot({ path: path.join(shots, 'error-' + status + '.png') });
      finish(page, url);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.log(failures.length + ' failed');
    process.exit(1);
  }
  console.log('all passed');
})().catch((e) => { console.error(e); process.exit(2); });
