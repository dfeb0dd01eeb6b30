import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices, type ReporterDescription } from '@playwright/test';

/**
 * A free TCP port below the ephemeral range (scripts/free-port.mjs says why), chosen once: workers inherit
 * E2E_PORT from the main process instead of choosing again.
 */
function freePort(): string {
  return execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/free-port.mjs', import.meta.url))], { encoding: 'utf8' }).trim();
}

process.env.E2E_PORT ??= freePort();
// The mail catcher the e2e server starts (maildev): the specs read its inbox to see what the app sent.
process.env.E2E_MAIL_SMTP_PORT ??= freePort();
process.env.E2E_MAIL_WEB_PORT ??= freePort();
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT}`;
const resultsDir = process.env.TEST_RESULTS_DIR;
process.env.SCREENSHOT_DIR ??= new URL('./test-results/screenshots', import.meta.url).pathname;

const reporter: ReporterDescription[] = [['list']];
if (resultsDir) reporter.push(['junit', { outputFile: `${resultsDir}/playwright.xml` }]);

// Debian's Chromium; Playwright never downloads a browser here.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/playwright',
  fullyParallel: false,
  // One worker: the scenarios share one database and two CPU cores.
  workers: 1,
  // Never retried: a retry would turn a flaky scenario green and hide it (issue 16).
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter,
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: '../scripts/e2e-server.sh',
        url: `${baseURL}/health/ready`,
        timeout: 300_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        stderr: 'pipe',
        gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      },
});
