// Drives the explorer page the way a person would, in headless Chromium.
// Usage: node explorer.mjs <base-url> [screenshot.png]; exits non-zero with the reason when a step fails.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [baseUrl, screenshot] = process.argv.slice(2);
if (!baseUrl) throw new Error("usage: node explorer.mjs <base-url> [screenshot.png]");
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const profile = mkdtempSync(join(tmpdir(), "filmgraph-chromium-"));

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
  timeout: 30_000,
});
const problems = [];
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on("console", m => { if (m.type() === "error") problems.push("console: " + m.text()); });
  page.on("pageerror", e => problems.push("page error: " + e.message));
  // The page must work offline: anything it asks of another origin is a fault.
  await page.route("**/*", route => {
    if (route.request().url().startsWith(baseUrl)) return route.continue();
    problems.push("request to another origin: " + route.request().url());
    return route.abort();
  });

  await page.goto(baseUrl + "/");
  check(await page.title() === "FilmGraph explorer", "title is " + await page.title());

  // The query box: the first example runs as loaded.
  check(await page.locator("#examples option").count() === 8, "expected 8 example queries");
  await page.click("#run");
  await page.waitForFunction(() => document.querySelector("#status").textContent.startsWith("HTTP"));
  const first = JSON.parse(await page.textContent("#result"));
  const films = first.data.coStarChains.map(c => c.links[0].film.title);
  check(JSON.stringify(films) === JSON.stringify(["Crazy, Stupid, Love", "Gangster Squad", "La La Land"]), "chains: " + JSON.stringify(films));

  // Picking another example replaces the query; running it shows its answer.
  await page.selectOption("#examples", { label: "Who replaced whom on La La Land" });
  check((await page.inputValue("#query")).includes("replacements"), "the example did not load");
  await page.click("#run");
  await page.waitForFunction(() => document.querySelector("#result").textContent.includes("Emma Watson"));
  const replacements = JSON.parse(await page.textContent("#result")).data.replacements;
  check(replacements.map(r => `${r.dropped.name} -> ${r.cast.name} as ${r.role}`).join("; ") ===
        "Emma Watson -> Emma Stone as Mia; Miles Teller -> Ryan Gosling as Sebastian", "replacements: " + JSON.stringify(replacements));

  // An edited query that fails shows the error and the status.
  await page.fill("#query", "{ person(id: \"nobody\") { name } }");
  await page.click("#run");
  await page.waitForFunction(() => document.querySelector("#result").textContent.includes("NOT_FOUND"));

  // Name search, then one hit as X of "how is X connected to Y".
  await page.fill("#search-text", "emma");
  await page.click("#search-run");
  await page.waitForSelector("#search-results li");
  const hits = await page.locator("#search-results li").allTextContents();
  check(hits.length === 2 && hits[0].startsWith("Emma Stone") && hits[1].startsWith("Emma Watson"), "search: " + JSON.stringify(hits));
  await page.locator("#search-results li", { hasText: "Emma Watson" }).getByRole("button", { name: "use as X" }).click();
  check(await page.inputValue("#from") === "emma-watson", "use as X did not fill the field");

  await page.fill("#to", "Ryan Gosling");
  await page.click("#connect-run");
  await page.waitForFunction(() => !document.querySelector("#connect-result").textContent.includes("looking"));
  const castOnly = await page.textContent("#connect-result");
  check(castOnly.includes("Not connected within 6 films."), "cast only: " + castOnly);

  await page.check("#dropped");
  await page.click("#connect-run");
  await page.waitForSelector("#connect-result .chain");
  const withDrops = await page.textContent("#connect-result");
  check(withDrops.startsWith("2 shortest chains of length 1:"), "with drops: " + withDrops);
  const chains = await page.locator("#connect-result .chain").allTextContents();
  check(chains[0] === "Emma Watson — Beauty and the Beast (2017) — Ryan Gosling" &&
        chains[1] === "Emma Watson — La La Land (2016) — Ryan Gosling", "chains: " + JSON.stringify(chains));

  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  check(problems.length === 0, problems.join("\n"));
  console.log("explorer: all steps passed");
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
