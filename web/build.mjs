// Bundles the explorer page and GraphiQL into dist/, which the API embeds and serves (see api/FilmGraph.Api.csproj).
// Usage: node build.mjs. Everything the pages load comes out of node_modules here, pinned by package-lock.json.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, "src");
const dist = join(here, "dist");

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await build({
  entryPoints: { explorer: join(src, "explorer.js"), graphiql: join(src, "graphiql.jsx") },
  outdir: dist,
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2020"],
  // React picks its production build from this; the pages are never served in development mode.
  define: { "process.env.NODE_ENV": '"production"' },
  // GraphiQL's stylesheet carries its fonts and icons; inlined, so the page needs no other origin and no extra files.
  loader: { ".woff": "dataurl", ".woff2": "dataurl", ".ttf": "dataurl", ".svg": "dataurl" },
  jsx: "automatic",
  legalComments: "linked",
  logLevel: "warning",
});

for (const file of ["explorer.html", "graphiql.html", "favicon.svg"]) copyFileSync(join(src, file), join(dist, file));
// Written last: MSBuild compares this file's time with the sources' to decide whether to build again.
writeFileSync(join(dist, ".stamp"), new Date().toISOString() + "\n");
