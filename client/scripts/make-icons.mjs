// Renders the app's icons for the web app manifest from public/favicon.svg with the Chromium the tests use:
// pwa-192x192.png and pwa-512x512.png (the mark as it is, rounded corners on transparency), maskable-512x512.png
// (full-bleed blue with the mark inside the 80 % safe zone that Android's masks keep) and apple-touch-icon.png.
// Run `node scripts/make-icons.mjs` after changing the mark; the PNGs are committed.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const publicDir = new URL('../public/', import.meta.url);
const svg = readFileSync(new URL('favicon.svg', publicDir), 'utf8');
const mark = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const icons = [
    { file: 'pwa-192x192.png', size: 192, maskable: false },
    { file: 'pwa-512x512.png', size: 512, maskable: false },
    { file: 'maskable-512x512.png', size: 512, maskable: true },
    { file: 'apple-touch-icon.png', size: 180, maskable: true },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const { file, size, maskable } of icons) {
    await page.setViewportSize({ width: size, height: size });
    const inner = maskable ? Math.round(size * 0.8) : size;
    await page.setContent(
        `<body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${maskable ? '#1d4ed8' : 'transparent'}">` +
            `<img src="${mark}" width="${inner}" height="${inner}"></body>`,
    );
    await page.screenshot({ path: new URL(file, publicDir).pathname, omitBackground: !maskable });
    console.log(`public/${file}: ${size}x${size}`);
}
await browser.close();
