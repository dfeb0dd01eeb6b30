/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// `npm run dev` proxies the API and the SignalR hub to the WebApi; override with API_PROXY_TARGET.
const apiTarget = process.env.API_PROXY_TARGET ?? 'http://localhost:5080';
const testResultsDir = process.env.TEST_RESULTS_DIR;

export default defineConfig({
  plugins: [
    react(),
    // The courier's installable app (docs/decisions/0030): a web app manifest, and a service worker precaching the app
    // shell so the app opens without a network. The page registers it itself (lib/offline/service-worker.ts), for
    // couriers only, and a new version waits for the courier to choose "Update".
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Order Tracking: deliveries',
        short_name: 'Deliveries',
        description: 'Your deliveries, with or without a signal.',
        start_url: '/courier',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#1d4ed8',
        background_color: '#f5f6f8',
        icons: [
          { src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: '/pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          { src: '/maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Every client route opens offline from the cached index.html; the API, the hub and the server's own pages never do.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/hubs\//, /^\/swagger/, /^\/health/, /^\/docs/, /^\/metrics/],
        cleanupOutdatedCaches: true,
        importScripts: ['/outbox-sync-sw.js'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
    // The API client package (../packages/api-client) is read from its TypeScript source: no build step before ours.
    conditions: ['source', ...defaultClientConditions],
  },
  server: {
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/hubs': { target: apiTarget, changeOrigin: true, ws: true },
    },
  },
  // Lightning CSS (a dependency of Vite itself) in place of PostCSS, for one thing PostCSS would need a plugin for:
  // custom media queries, so the phone breakpoint is written once (src/styles/media.css).
  css: {
    transformer: 'lightningcss',
    lightningcss: { drafts: { customMedia: true } },
  },
  build: {
    // The manifest lets scripts/bundle-size.mjs measure each page's initial JavaScript.
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Bounds a hung test on a loaded two-core CI machine, where a test of many typed keys takes several seconds.
    testTimeout: 20000,
    reporters: testResultsDir ? ['default', ['junit', { outputFile: `${testResultsDir}/vitest.xml` }]] : ['default'],
  },
});
