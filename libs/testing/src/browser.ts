import { chromium, type Browser } from 'playwright-core';

/**
 * Headless Chromium from Debian's package (scripts/chromium.sh installs it),
 * driven by playwright-core; nothing is downloaded. The flags keep it from
 * reaching out to Google's services, which this machine's network refuses.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
