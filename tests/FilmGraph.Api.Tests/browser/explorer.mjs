// Drives the explorer page the way a person would, on the sample data (data/la-la-land.json), in headless Chromium.
// Usage: node explorer.mjs <base-url> <screenshot-folder>; exits non-zero with the reason when a step fails.
import { check, suggest, withBrowser } from "./session.mjs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const [baseUrl, shots] = process.argv.slice(2);
if (!baseUrl || !shots) throw new Error("usage: node explorer.mjs <base-url> <screenshot-folder>");
mkdirSync(shots, { recursive: true });

const step = name => console.log("step: " + name);
const text = (page, selector) => page.locator(selector).innerText();

await withBrowser(baseUrl, async ({ page, newPage }) => {
  await page.goto(baseUrl + "/");
  check(await page.title() === "FilmGraph explorer", "title is " + await page.title());
  check(await page.locator("link[rel=icon]").getAttribute("href") === "/assets/favicon.svg", "no favicon link");
  const icon = await page.request.get(baseUrl + "/assets/favicon.svg");
  check(icon.ok() && icon.headers()["content-type"] === "image/svg+xml", "favicon: " + icon.status());
  // Every input has a label.
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll("input")].filter(i => !i.labels || i.labels.length === 0).map(i => i.id || i.name));
  check(unlabelled.length === 0, "inputs without a label: " + unlabelled);

  step("type Emma: both Emmas suggested, told apart; pick Emma Watson by keyboard");
  const emmas = await suggest(page, "#from", "Emma");
  check(emmas.length === 2 && emmas.some(s => s.startsWith("Emma Stone")) && emmas.some(s => s.startsWith("Emma Watson")), "suggestions: " + JSON.stringify(emmas));
  for (const s of emmas) check(s.includes("person") && s.includes("known for"), "a suggestion without kind or known-for: " + s);
  check(emmas[0].includes("La La Land") && !emmas.find(s => s.startsWith("Emma Watson")).includes("La La Land"),
    "Emma Watson was dropped from La La Land, which she is not known for: " + JSON.stringify(emmas));
  const watson = emmas.findIndex(s => s.startsWith("Emma Watson"));
  for (let i = 0; i <= watson; i++) await page.press("#from", "ArrowDown");
  // The highlighted suggestion is visible as such, and the box says which it is.
  check(await page.getAttribute("#from", "aria-activedescendant") === "from-option-" + watson, "the highlight is not announced");
  await page.press("#from", "Enter");
  check(await page.inputValue("#from") === "Emma Watson", "picked: " + await page.inputValue("#from"));

  step("pick Ryan Gosling");
  const ryans = await suggest(page, "#to", "Ryan Gos");
  check(ryans[0].startsWith("Ryan Gosling"), "suggestions: " + JSON.stringify(ryans));
  await page.locator("#to-suggestions li", { hasText: "Ryan Gosling" }).click();
  check(await page.inputValue("#to") === "Ryan Gosling", "picked: " + await page.inputValue("#to"));

  step("no CAST_IN chain joins them");
  await page.click("#connect-run");
  await page.waitForFunction(() => (document.querySelector("#connect-result .count") || {}).textContent?.startsWith("No chain"));
  check(await text(page, "#connect-result .count") === "No chain of cast in links joins Emma Watson and Ryan Gosling within 6 films.",
    "cast only: " + await text(page, "#connect-result"));
  check(new URL(page.url()).search === "?from=emma-watson&to=ryan-gosling&via=CAST_IN", "url: " + page.url());

  step("switch on DROPPED_FROM: two length-1 chains, drawn, the drops marked");
  await page.check("#via input[value=DROPPED_FROM]");
  await page.waitForFunction(() => (document.querySelector("#connect-result .count") || {}).textContent?.includes("shortest"));
  check(await text(page, "#connect-result .count") === "2 shortest chains of length 1.", "with drops: " + await text(page, "#connect-result .count"));
  check(new URL(page.url()).search === "?from=emma-watson&to=ryan-gosling&via=CAST_IN,DROPPED_FROM", "url: " + page.url());
  const chains = await page.locator("#connect-result .chain").allInnerTexts();
  check(chains[0] === "Emma Watson (cast in) \u2014 Beauty and the Beast (2017) \u2014 Ryan Gosling (dropped from)" &&
        chains[1] === "Emma Watson (dropped from, as Mia) \u2014 La La Land (2016) \u2014 Ryan Gosling (cast in, as Sebastian)",
        "chains: " + JSON.stringify(chains));
  await page.waitForFunction(() => window.explorerGraph && window.explorerGraph.edges().length === 4);
  const drawn = await page.evaluate(() => {
    const cy = window.explorerGraph;
    const x = id => cy.getElementById(id).position("x");
    return {
      nodes: cy.nodes().map(n => n.data("label")).sort(),
      leftToRight: x("emma-watson") < x("la-la-land-2016") && x("la-la-land-2016") < x("ryan-gosling"),
      edges: cy.edges().map(e => ({ type: e.data("type"), label: e.data("label"), dash: e.style("line-style"), colour: e.style("line-color") })),
    };
  });
  check(JSON.stringify(drawn.nodes) === JSON.stringify(["Beauty and the Beast (2017)", "Emma Watson", "La La Land (2016)", "Ryan Gosling"]), "drawn: " + JSON.stringify(drawn.nodes));
  check(drawn.leftToRight, "the chain is not drawn left to right");
  const casts = drawn.edges.filter(e => e.type === "CAST_IN"), drops = drawn.edges.filter(e => e.type === "DROPPED_FROM");
  check(casts.length === 2 && drops.length === 2, "edges: " + JSON.stringify(drawn.edges));
  for (const d of drops) check(d.label.startsWith("dropped from") && d.dash === "dashed" && d.colour !== casts[0].colour, "a drop drawn as " + JSON.stringify(d));
  for (const c of casts) check(c.label.startsWith("cast in") && c.dash === "solid", "a casting drawn as " + JSON.stringify(c));
  check(drawn.edges.some(e => e.label === "dropped from, as Mia") && drawn.edges.some(e => e.label === "cast in, as Sebastian"), "roles: " + JSON.stringify(drawn.edges));
  await page.screenshot({ path: join(shots, "explorer-1366x900.png"), fullPage: true });

  step("click La La Land: its people join the drawing; Miles Teller -> Ryan Gosling as Sebastian, with the article's quote");
  await page.locator("#graph").scrollIntoViewIfNeeded();
  // Click where the node is once the drawing has settled (the same place twice, 300 ms apart): on a busy machine the
  // drawing may still be fitting itself to the page when the first read is made. A press the page took as neither a
  // tap nor a long press is tried again, at most three times.
  let opened = false;
  for (let attempt = 0; attempt < 3 && !opened; attempt++) {
    let at = null;
    for (let i = 0; i < 50; i++) {
      const now = await page.evaluate(() => window.explorerGraph.getElementById("la-la-land-2016").renderedPosition());
      if (at && Math.abs(now.x - at.x) < 0.5 && Math.abs(now.y - at.y) < 0.5) break;
      at = now;
      await page.waitForTimeout(300);
    }
    const box = await page.locator("#graph").boundingBox();
    await page.mouse.click(box.x + at.x, box.y + at.y);
    opened = await page.waitForFunction(() => (document.querySelector("#panel h3") || {}).textContent === "La La Land (2016)", null, { timeout: 10000 })
      .then(() => true, () => false);
  }
  check(opened, "clicking La La Land in the drawing never opened its panel");
  await page.waitForFunction(() => window.explorerGraph.getElementById("miles-teller").nonempty());
  const replacement = await page.locator("#panel li.replacement", { hasText: "Miles Teller" }).innerText();
  check(replacement.startsWith("Miles Teller \u2192 Ryan Gosling as Sebastian: The director decided he wasn't right for the role.") &&
        replacement.includes("Source: la-la-land-article.txt") &&
        replacement.includes("\u201cwas dropped at the last minute when the director decided he wasn't right for the role\u201d"), "replacement: " + replacement);
  const panel = await text(page, "#panel");
  check(panel.includes("Ryan Gosling cast in, as Sebastian") && panel.includes("\u201cEmma Stone and Ryan Gosling star in 'La La Land'\u201d"), "film credits: " + panel);
  check(new URL(page.url()).search === "?from=emma-watson&to=ryan-gosling&via=CAST_IN,DROPPED_FROM&film=la-la-land-2016", "url: " + page.url());
  const milesEdge = await page.evaluate(() => window.explorerGraph.getElementById("miles-teller|DROPPED_FROM|la-la-land-2016").data("label"));
  check(milesEdge === "dropped from, as Sebastian", "Miles Teller's edge: " + milesEdge);

  step("from the keyboard: the drawing's Emma Watson, her details, her reach");
  await page.locator("#graph-nodes button", { hasText: "Emma Watson" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => (document.querySelector("#panel h3") || {}).textContent === "Emma Watson");
  const person = await text(page, "#panel");
  check(person.includes("dropped from La La Land (2016), as Mia: Scheduling conflicts with Beauty and the Beast.") &&
        person.includes("replaced by Emma Stone as Mia in La La Land (2016)"), "person panel: " + person);
  await page.focus("#panel-reach");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#reach .bars .bar");
  const summary = await text(page, "#reach .reach-summary");
  check(/^\d+ people reachable; average distance \d+\.\d\d\.$/.test(summary), "reach: " + summary);
  const bars = await page.locator("#reach .bar").count();
  check(bars >= 1, "no bars");
  const url = page.url();
  check(new URL(url).search === "?from=emma-watson&to=ryan-gosling&via=CAST_IN,DROPPED_FROM&person=emma-watson&reach=emma-watson", "url: " + url);

  step("the URL in a new page opens the same view");
  const again = await newPage();
  await again.goto(url);
  await again.waitForSelector("#reach .bars .bar");
  await again.waitForFunction(() => (document.querySelector("#panel h3") || {}).textContent === "Emma Watson");
  await again.waitForFunction(() => window.explorerGraph && window.explorerGraph.edges().length >= 4);
  check(await text(again, "#connect-result .count") === "2 shortest chains of length 1.", "reopened: " + await text(again, "#connect-result"));
  check(await text(again, "#reach .reach-summary") === summary, "reopened reach: " + await text(again, "#reach"));
  check(await again.inputValue("#from") === "Emma Watson" && await again.inputValue("#to") === "Ryan Gosling" &&
        await again.isChecked("#via input[value=DROPPED_FROM]"), "reopened form");
  await again.close();

  step("back and forward");
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector("#reach .bars"));
  check(!new URL(page.url()).searchParams.has("reach"), "back: " + page.url());
  await page.goForward();
  await page.waitForSelector("#reach .bars .bar");

  step("free text matching several people asks which one");
  await page.fill("#from", "emma");
  await page.click("#connect-run");
  await page.waitForSelector("#connect-result .choices button");
  const asked = await text(page, "#connect-result");
  check(asked.includes("Which one do you mean?") && asked.includes("Emma Stone") && asked.includes("Emma Watson"), "ambiguous: " + asked);
  await page.locator("#connect-result .choices button", { hasText: "Emma Stone" }).click();
  await page.waitForFunction(() => (document.querySelector("#connect-result .count") || {}).textContent?.includes("shortest"));
  check(new URL(page.url()).searchParams.get("from") === "emma-stone", "the choice was not used: " + page.url());
  check((await text(page, "#connect-result .count")).startsWith("3 shortest chains of length 1"), "Emma Stone: " + await text(page, "#connect-result .count"));

  step("find a film by keyboard: its details at once, and /?film=ID opens them");
  const found = await suggest(page, "#find", "la la");
  check(found[0].startsWith("La La Land") && found[0].includes("film \u00b7 2016") && /with \w/.test(found[0]), "film suggestions: " + JSON.stringify(found));
  await page.press("#find", "ArrowDown");
  await page.press("#find", "Enter");
  await page.waitForFunction(() => (document.querySelector("#panel h3") || {}).textContent === "La La Land (2016)");
  check(new URL(page.url()).searchParams.get("film") === "la-la-land-2016", "url: " + page.url());
  await page.goto(baseUrl + "/?person=miles-teller");
  await page.waitForFunction(() => (document.querySelector("#panel h3") || {}).textContent === "Miles Teller");
  const miles = await text(page, "#panel");
  check(miles.includes("in conflict with Damien Chazelle on La La Land (2016)") && miles.includes("replaced by Ryan Gosling as Sebastian in La La Land (2016)"),
    "Miles Teller: " + miles);
  // Alone, a person is drawn with their films around them.
  await page.waitForFunction(() => window.explorerGraph && window.explorerGraph.getElementById("whiplash-2014").nonempty());

  step("a phone: 390 x 844");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url);
  await page.waitForSelector("#reach .bars .bar");
  await page.waitForFunction(() => window.explorerGraph && window.explorerGraph.edges().length >= 4);
  const fit = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, graph: document.querySelector("#graph").getBoundingClientRect().width,
    canvas: document.querySelectorAll("#graph canvas").length }));
  check(fit.page <= 390 && fit.graph <= 390 && fit.graph > 300 && fit.canvas > 0, "at 390 px: " + JSON.stringify(fit));
  await page.screenshot({ path: join(shots, "explorer-390x844.png"), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });

  step("GraphiQL runs a query");
  await page.goto(baseUrl + "/graphiql");
  await page.waitForSelector(".graphiql-container .graphiql-execute-button", { timeout: 30_000 });
  await page.click(".graphiql-execute-button");
  await page.waitForFunction(() => (document.querySelector(".result-window") || {}).textContent?.includes('"knownFor"'), null, { timeout: 30_000 });
  await page.screenshot({ path: join(shots, "graphiql-1366x900.png") });
});
console.log("explorer: all steps passed");
