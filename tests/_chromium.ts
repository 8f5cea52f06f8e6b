/**
 * Debian's headless Chromium, driven by puppeteer-core, for the tests that look at pages as a reader would
 * (tests/book_test.ts, tests/nbconvert_test.ts). Needs Chromium (`apt-get install chromium`; or set
 * LM_CHROMIUM to its path).
 *
 * @module
 */
import puppeteer, { type Browser } from "puppeteer-core";

/** The Chromium binary: `LM_CHROMIUM`, else Debian's. */
export const CHROMIUM: string = Deno.env.get("LM_CHROMIUM") ?? "/usr/bin/chromium";

/**
 * Start headless Chromium with its profile in `profile`, with no network services of its own.
 *
 * @throws {Error} naming the Debian package when Chromium is not installed
 */
export async function launchChromium(profile: string): Promise<Browser> {
  try {
    await Deno.stat(CHROMIUM);
  } catch {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's package "chromium" (apt-get install -y chromium) ` +
        "or set LM_CHROMIUM to a Chromium binary",
    );
  }
  return await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--allow-file-access-from-files",
    ],
  });
}
