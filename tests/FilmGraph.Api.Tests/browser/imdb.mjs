// The explorer over the IMDb sample (../shared/data/imdb-sample, imported by ExplorerBrowserTests): "Ryan" suggests
// the most connected Ryan among the first five, and namesakes are told apart in the suggestions.
// Usage: node imdb.mjs <base-url> <expected-first-ryan> <namesake> [<namesake>...]
import { check, suggest, withBrowser } from "./session.mjs";

const [baseUrl, topRyan, ...namesakes] = process.argv.slice(2);
if (!baseUrl || !topRyan || namesakes.length === 0) throw new Error("usage: node imdb.mjs <base-url> <expected-first-ryan> <namesake>...");

await withBrowser(baseUrl, async ({ page }) => {
  await page.goto(baseUrl + "/");
  const ryans = await suggest(page, "#find", "Ryan");
  const names = ryans.slice(0, 5).map(s => s.split(/person|film/)[0].trim());
  check(names.includes(topRyan), `"Ryan" suggests ${JSON.stringify(names)}, without ${topRyan}`);
  console.log(`imdb: "Ryan" suggests ${names.join(", ")}`);

  for (const name of namesakes) {
    const found = (await suggest(page, "#find", name)).filter(s => s.startsWith(name));
    check(found.length >= 2, `"${name}": ${JSON.stringify(found)}`);
    // What follows the name (kind, birth year, known-for films) differs between every two of them.
    const told = new Set(found.map(s => s.slice(name.length)));
    check(told.size === found.length, `namesakes not told apart: ${JSON.stringify(found)}`);
    console.log(`imdb: ${found.join(" | ")}`);
  }
});
console.log("imdb: all steps passed");
