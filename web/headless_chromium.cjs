// Debian's chromium, headless, with WebGL in software (SwiftShader), driven by puppeteer-core
// from the build's npm packages (LANDD_NODE_MODULES): how the browser test and the page benchmark
// open landd's pages. CHROMIUM overrides the browser's path.
'use strict';
const path = require('path');
const puppeteer = require(path.join(process.env.LANDD_NODE_MODULES, 'puppeteer-core'));

// Returns a new browser with a new, empty profile. Chromium's own omnibox pop-up (a WebUI page it
// builds at start-up, hundreds of chrome:// resources and about a second of CPU) is turned off:
// a headless browser never shows it, and it would compete with the page for the cores.
function launchChromium() {
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
           '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
           '--disable-features=WebUIOmniboxPopup,PreloadTopChromeWebUI'],
  });
}

module.exports = { launchChromium };
