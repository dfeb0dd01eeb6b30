/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// `npm run dev` proxies the API and the SignalR hub to the WebApi; override with API_PROXY_TARGET.
const apiTarget = process.env.API_PROXY_TARGET ?? 'http://localhost:5080';
const testResultsDir = process.env.TEST_RESULTS_DIR;

export default defineConfig({
  plugins: [react()],
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
