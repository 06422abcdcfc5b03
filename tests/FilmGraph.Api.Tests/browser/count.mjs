// The count line when there are more shortest chains than the page shows. Usage: node count.mjs <base-url> <from> <to> <chains>
import { check, withBrowser } from "./session.mjs";

const [baseUrl, from, to, chains] = process.argv.slice(2);
if (!chains) throw new Error("usage: node count.mjs <base-url> <from> <to> <chains>");

await withBrowser(baseUrl, async ({ page }) => {
  await page.goto(`${baseUrl}/?from=${from}&to=${to}&via=CAST_IN`);
  await page.waitForFunction(() => (document.querySelector("#connect-result .count") || {}).textContent?.includes("shortest"));
  const line = await page.locator("#connect-result .count").innerText();
  check(line === `${chains} shortest chains of length 1; showing 10.`, "count line: " + line);
  check(await page.locator("#connect-result .chain").count() === 10, "listed: " + await page.locator("#connect-result .chain").count());
  await page.waitForFunction(() => window.explorerGraph && window.explorerGraph.edges().length === 20);
});
console.log("count: all steps passed");
