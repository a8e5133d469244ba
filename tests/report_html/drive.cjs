// Copyright (C) 2026 the memroot developers.
// SPDX-License-Identifier: GPL-2.0-or-later
// This file is part of memroot, free software under the
// GNU General Public License, version 2 or (at your option) any later
// version; see COPYING.
//
// Opens a page in headless Chromium (Debian's, driven by playwright-core
// from the build tree's .test-node) and runs steps on it; prints one JSON
// object: the result of each step, every request the page made, the
// console's errors and the page's load time.
//
//   node drive.cjs PAGE STEPS.json
//
// STEPS is {"javascript": true|false, "width": px, "height": px,
// "steps": [...]}, each step a list:
//   ["ready"]                 wait until report.js has drawn everything;
//                             gives the page's own time to that point (ms)
//   ["text", sel]             the rendered text (innerText) of every match
//   ["count", sel]            how many elements match
//   ["click", sel]            click the first match
//   ["fill", sel, text]       type into an input
//   ["wait", ms]
//   ["scroll", sel, y]        set scrollTop of the first match
//   ["screenshot", path, sel] a PNG of the page (or of the first match)
//   ["eval", js]              the value of an expression
//   ["metrics"]               Chromium's performance counters (seconds)
'use strict';
const fs = require('fs');
const { chromium } = require('playwright-core');

async function main() {
  const [pagePath, stepsPath] = process.argv.slice(2);
  const spec = JSON.parse(fs.readFileSync(stepsPath, 'utf8'));
  const dataDir = fs.mkdtempSync('/tmp/memroot-chromium-');
  const context = await chromium.launchPersistentContext(dataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    javaScriptEnabled: spec.javascript !== false,
    viewport: { width: spec.width || 1280, height: spec.height || 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update',
      '--disable-sync'],
  });
  const out = { results: [], requests: [], errors: [] };
  try {
    const page = context.pages()[0] || await context.newPage();
    context.on('request', r => out.requests.push(r.url()));
    page.on('console', m => { if (m.type() === 'error') out.errors.push(m.text()); });
    page.on('pageerror', e => out.errors.push(String(e)));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const url = 'file://' + require('path').resolve(pagePath);
    const start = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: 120000 });
    out.load_ms = Date.now() - start;
    for (const step of spec.steps) {
      const [op, a, b] = step;
      let r = null;
      if (op === 'ready') {
        await page.waitForSelector('html[data-ready]', { timeout: 120000, state: 'attached' });
        r = Number(await page.getAttribute('html', 'data-ready'));
        out.wall_ms = Date.now() - start;
      } else if (op === 'text') {
        r = await page.$$eval(a, es => es.map(e => e.innerText));
      } else if (op === 'count') {
        r = await page.$$eval(a, es => es.length);
      } else if (op === 'click') {
        await page.click(a, { timeout: 20000 });
        await page.waitForTimeout(50);
      } else if (op === 'fill') {
        await page.fill(a, b);
      } else if (op === 'wait') {
        await page.waitForTimeout(a);
      } else if (op === 'scroll') {
        await page.$eval(a, (e, y) => { e.scrollTop = y; }, b);
        await page.waitForTimeout(100);
      } else if (op === 'screenshot') {
        if (b) await (await page.$(b)).screenshot({ path: a });
        else await page.screenshot({ path: a, fullPage: false });
      } else if (op === 'metrics') {
        // Chromium's own counters: seconds of script, layout, style.
        const m = await cdp.send('Performance.getMetrics');
        r = Object.fromEntries(m.metrics.map(x => [x.name, x.value]));
      } else if (op === 'eval') {
        r = await page.evaluate(a);
      } else {
        throw new Error('unknown step ' + op);
      }
      out.results.push(r);
    }
  } finally {
    await context.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch(e => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1); });
