/** Find and launch Debian's Chromium for the browser checks; never download a browser. */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The browser executable: $CHROMIUM_PATH, else Debian's chromium. Throws with install advice. */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      "No Chromium found for the browser checks. Install Debian's: `sudo apt-get install -y chromium` (gives /usr/bin/chromium), or set CHROMIUM_PATH to a Chromium/Chrome binary. gherkin-bench never downloads a browser.",
    );
  }
  return found;
}

/** Launch headless Chromium with no sandbox and no background networking. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
    ],
  });
}

/** Markup that must stay text on every page we serve: each line sets `window.__pwned` if it ever runs. */
export const HOSTILE = [
  '<script>window.__pwned = "script"</script>',
  '</script><script>window.__pwned = "close"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<a href="javascript:window.__pwned = \'link\'">click</a>',
].join('\n');
