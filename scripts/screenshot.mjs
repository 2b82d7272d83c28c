// Takes a full-page screenshot of a page in Debian's Chromium: to look at what we build.
//   node scripts/screenshot.mjs http://127.0.0.1:3000/ out.png [width]
import { chromium } from 'playwright-core';

const [url, out = 'screenshot.png', width = '1280'] = process.argv.slice(2);
if (!url) {
  console.error('Usage: node scripts/screenshot.mjs URL [OUT.png] [WIDTH]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 800 } });
await page.goto(url);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(out);
