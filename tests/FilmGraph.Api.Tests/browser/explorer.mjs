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
  check(await page.inputValue("#from") === "Emma Watson", "use as X did not fill the field");
  check(await page.evaluate(() => document.querySelector("#from").dataset.id) === "emma-watson", "use as X did not pick the person");

  // Y picked from the suggestions, by keyboard: type, arrow down to Ryan Gosling, Enter.
  await page.locator("#to").pressSequentially("ryan gos", { delay: 20 });
  await page.waitForSelector("#to-suggestions li");
  const suggestions = await page.locator("#to-suggestions li").allTextContents();
  check(suggestions[0].startsWith("Ryan Gosling") && suggestions[0].includes("person"), "suggestions: " + JSON.stringify(suggestions));
  await page.press("#to", "ArrowDown");
  await page.press("#to", "Enter");
  check(await page.inputValue("#to") === "Ryan Gosling", "the suggestion was not picked: " + await page.inputValue("#to"));
  check(await page.evaluate(() => document.querySelector("#to").dataset.id) === "ryan-gosling", "the picked id is not kept");

  await page.click("#connect-run");
  await page.waitForFunction(() => !document.querySelector("#connect-result").textContent.includes("looking"));
  const castOnly = await page.textContent("#connect-result");
  check(castOnly.includes("Not connected within 6 films."), "cast only: " + castOnly);

  await page.check("#dropped");
  await page.click("#connect-run");
  await page.waitForSelector("#connect-result .chain");
  const withDrops = await page.textContent("#connect-result .count");
  check(withDrops === "2 shortest chains of length 1:", "with drops: " + withDrops);
  const chains = await page.locator("#connect-result .chain").allTextContents();
  // Ryan Gosling was dropped from one film and Emma Watson from the other: each such link says so, never "cast in".
  check(chains[0] === "Emma Watson (cast in) — Beauty and the Beast (2017) — Ryan Gosling (dropped from)" &&
        chains[1] === "Emma Watson (dropped from, as Mia) — La La Land (2016) — Ryan Gosling (cast in, as Sebastian)",
        "chains: " + JSON.stringify(chains));

  // The chain is drawn: two people, two films, four links; the dropped-from links read "dropped from".
  await page.waitForFunction(() => window.explorerGraph && window.explorerGraph.edges().length === 4);
  const drawn = await page.evaluate(() => ({
    people: window.explorerGraph.nodes("[kind = 'person']").map(n => n.data("label")).sort(),
    films: window.explorerGraph.nodes("[kind = 'film']").length,
    edges: window.explorerGraph.edges().map(e => [e.data("person"), e.data("type"), e.data("label")]),
  }));
  check(JSON.stringify(drawn.people) === JSON.stringify(["Emma Watson", "Ryan Gosling"]) && drawn.films === 2, "drawn: " + JSON.stringify(drawn));
  for (const [person, type, label] of drawn.edges) {
    if (type === "DROPPED_FROM") check(label.startsWith("dropped from") && !label.includes("cast"), "dropped link reads " + label);
    else check(label.startsWith("cast in"), "cast link reads " + label);
  }
  check(drawn.edges.some(e => e[0] === "emma-watson" && e[1] === "DROPPED_FROM"), "no dropped-from link drawn: " + JSON.stringify(drawn.edges));
  const canvas = await page.locator("#graph canvas").count();
  check(canvas > 0, "nothing drawn in #graph");

  // A click on the dropped-from link shows its reason and source.
  await page.evaluate(() => window.explorerGraph.edges("[person = 'emma-watson'][type = 'DROPPED_FROM']")[0].emit("tap"));
  await page.waitForFunction(() => document.querySelector("#details h3"));
  const detail = await page.textContent("#details");
  check(detail.startsWith("Emma Watson dropped from La La Land (2016)") && detail.includes("Role: Mia") && detail.includes("Source:"), "details: " + detail);

  // A click on a person adds their neighbourhood to the drawing, every link still worded by its type.
  await page.evaluate(() => window.explorerGraph.getElementById("emma-watson").emit("tap"));
  await page.waitForFunction(() => window.explorerGraph.nodes().length > 4);
  const grown = await page.evaluate(() => window.explorerGraph.edges().map(e => [e.data("type"), e.data("label")]));
  for (const [type, label] of grown) check(type !== "DROPPED_FROM" || label.startsWith("dropped from"), "neighbourhood link reads " + label);

  // The URL holds the question; loading it again asks it again.
  const url = page.url();
  check(url.includes("from=emma-watson") && url.includes("to=ryan-gosling") && url.includes("drops=1"), "url: " + url);
  await page.goto(url);
  await page.waitForSelector("#connect-result .chain");
  check(await page.textContent("#connect-result .count") === "2 shortest chains of length 1:", "reloaded: " + await page.textContent("#connect-result"));
  check(await page.inputValue("#from") === "Emma Watson" && await page.isChecked("#dropped"), "reloaded form: " + await page.inputValue("#from"));

  // Free text that matches several people is not guessed: the page asks which one.
  await page.fill("#from", "emma");
  await page.fill("#to", "Ryan Gosling");
  await page.click("#connect-run");
  await page.waitForSelector("#connect-result .choices button");
  const asked = await page.textContent("#connect-result");
  check(asked.includes("Which one do you mean?") && asked.includes("Emma Stone") && asked.includes("Emma Watson"), "ambiguous: " + asked);
  await page.locator("#connect-result .choices button", { hasText: "Emma Stone" }).click();
  await page.waitForSelector("#connect-result .chain");
  check(page.url().includes("from=emma-stone"), "the choice was not used: " + page.url());

  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });

  // GraphiQL at /graphiql renders under its policy and runs a query against /graphql.
  await page.goto(baseUrl + "/graphiql");
  await page.waitForSelector(".graphiql-container .graphiql-execute-button", { timeout: 20_000 });
  await page.click(".graphiql-execute-button");
  await page.waitForFunction(() => (document.querySelector(".result-window") || {}).textContent?.includes('"label"'), null, { timeout: 20_000 });
  check(problems.length === 0, problems.join("\n"));
  console.log("explorer: all steps passed");
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
