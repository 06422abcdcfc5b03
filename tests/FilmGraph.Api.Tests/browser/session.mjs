// A headless Chromium session for the page tests: every console error, page error, failed request, HTTP error and
// request to another origin is recorded, and the script fails with them at the end.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

export async function withBrowser(baseUrl, run) {
  const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  const profile = mkdtempSync(join(tmpdir(), "filmgraph-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1366, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
    timeout: 30_000,
  });
  const problems = [];
  const watch = page => {
    // Generous: CI shares its cores, and a step that fails should fail on what it checks, not on a slow machine.
    page.setDefaultTimeout(30_000);
    page.on("console", m => { if (m.type() === "error") problems.push("console: " + m.text()); });
    page.on("pageerror", e => problems.push("page error: " + e.message));
    page.on("requestfailed", r => problems.push("failed request: " + r.url() + " " + (r.failure() ? r.failure().errorText : "")));
    page.on("response", r => { if (r.status() >= 400) problems.push("HTTP " + r.status() + ": " + r.url()); });
    // The page must work offline: anything it asks of another origin is a fault.
    page.route("**/*", route => {
      if (route.request().url().startsWith(baseUrl)) return route.continue();
      problems.push("request to another origin: " + route.request().url());
      return route.abort();
    });
    return page;
  };
  try {
    const first = watch(context.pages()[0] ?? await context.newPage());
    await run({ page: first, newPage: async () => watch(await context.newPage()) });
    check(problems.length === 0, problems.join("\n"));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Types into a box as a person would and waits for its suggestions; returns their texts. */
export async function suggest(page, box, text) {
  await page.fill(box, "");
  await page.locator(box).pressSequentially(text, { delay: 25 });
  // The list shown while typing may still answer the text before; wait for the one for this text.
  await page.waitForSelector(`${box}-suggestions[data-for="${text}"] li`);
  return page.locator(`${box}-suggestions li`).allTextContents();
}
