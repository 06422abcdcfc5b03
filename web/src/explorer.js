import cytoscape from "cytoscape";
import "./explorer.css";
"use strict";
const examples = [
  ["Co-star chains: Emma Stone to Ryan Gosling",
   '{\n  coStarChains(from: "emma-stone", to: "ryan-gosling") {\n    length\n    links { from { name } film { title year } to { name } fromRole toRole }\n  }\n}'],
  ["Emma Watson to Ryan Gosling, counting drops",
   '{\n  castOnly: coStarChain(from: "emma-watson", to: "ryan-gosling") { length }\n  withDrops: coStarChain(from: "emma-watson", to: "ryan-gosling", via: [CAST_IN, DROPPED_FROM]) {\n    length\n    links { from { name } film { title } to { name } fromType toType }\n  }\n}'],
  ["Who replaced whom on La La Land",
   '{\n  replacements(film: "la-la-land-2016") {\n    role\n    dropped { name }\n    cast { name }\n    reason\n  }\n}'],
  ["A person: credits, co-stars, conflicts",
   '{\n  person(name: "Miles Teller") {\n    id name\n    credits { film { title } type role reason }\n    coStars { person { name } sharedFilms { title } }\n    conflicts { person { name } context { title } description }\n    replacedBy { film { title } role cast { name } }\n  }\n}'],
  ["A film and its credits",
   '{\n  film(title: "La La Land") {\n    id title year\n    credits { person { name } type role }\n  }\n}'],
  ["Neighbourhood, for drawing",
   '{\n  neighbourhood(id: "emma-watson", depth: 1) {\n    nodes { id kind label distance }\n    edges { type from to role }\n    truncated\n  }\n}'],
  ["Reach: people at each distance",
   '{\n  reach(id: "emma-stone") { levels { distance people } reachable averageDistance }\n}'],
  ["Search",
   '{\n  search(text: "emma") { kind id label score }\n}'],
];

const $ = id => document.getElementById(id);

async function graphql(query, variables) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept": "application/graphql-response+json, application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}

function errorsOf(body) {
  return (body.errors || []).map(e => e.message + (e.extensions && e.extensions.code ? " (" + e.extensions.code + ")" : "")).join("; ");
}

// Query box
for (const [label, query] of examples) $("examples").append(new Option(label, query));
$("examples").addEventListener("change", () => { $("query").value = $("examples").value; });
$("query").value = examples[0][1];

$("run").addEventListener("click", async () => {
  $("status").textContent = "running...";
  try {
    const { status, body } = await graphql($("query").value);
    $("status").textContent = "HTTP " + status;
    $("result").textContent = JSON.stringify(body, null, 2);
  } catch (e) {
    $("status").textContent = "";
    $("result").textContent = String(e);
  }
});

// Suggestions as you type: people and films, each with birth year or release year, kind, and a few credits.
const SUGGEST =
  "query($text: String!) { search(text: $text, first: 8) { kind id label " +
  "person { born creditsConnection(types: [CAST_IN], order: NEWEST_FIRST, first: 3) { items { film { title year } } } } " +
  "film { year } } }";

function yearOf(hit) {
  return hit.kind === "PERSON" ? (hit.person && hit.person.born ? "b. " + hit.person.born : "") : (hit.film && hit.film.year ? String(hit.film.year) : "");
}

function knownFor(hit) {
  const items = hit.person && hit.person.creditsConnection ? hit.person.creditsConnection.items : [];
  return items.map(c => c.film.title + (c.film.year ? " (" + c.film.year + ")" : "")).join(", ");
}

// Wires an input to a list of suggestions. The picked hit is kept on the input (dataset.id); typing forgets it.
function picker(input, { peopleOnly, onPick }) {
  const list = $(input.id + "-suggestions");
  let hits = [], active = -1, timer = 0, asked = 0;
  const close = () => { list.replaceChildren(); hits = []; active = -1; input.setAttribute("aria-expanded", "false"); };
  const highlight = i => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
  };
  const pick = hit => {
    input.value = hit.label;
    input.dataset.id = hit.id;
    input.dataset.kind = hit.kind;
    close();
    if (onPick) onPick(hit);
  };
  async function suggest() {
    const textNow = input.value.trim();
    const ticket = ++asked;
    if (textNow.length < 2) { close(); return; }
    const { body } = await graphql(SUGGEST, { text: textNow });
    // A late answer for text since changed, or for a box no longer in use, is dropped.
    if (ticket !== asked || !body.data || document.activeElement !== input) return;
    hits = (body.data.search || []).filter(h => !peopleOnly || h.kind === "PERSON");
    list.replaceChildren();
    hits.forEach((hit, i) => {
      const li = text("li", hit.label);
      li.setAttribute("role", "option");
      li.dataset.id = hit.id;
      const year = yearOf(hit);
      li.append(" ", text("span", [year, hit.kind.toLowerCase()].filter(Boolean).join(" · "), "muted"));
      const known = knownFor(hit);
      if (known) li.append(text("span", known, "known"));
      li.addEventListener("mousedown", event => { event.preventDefault(); pick(hit); });
      list.append(li);
      if (i === 0) highlight(-1);
    });
    input.setAttribute("aria-expanded", String(hits.length > 0));
  }
  input.addEventListener("input", () => {
    delete input.dataset.id;
    clearTimeout(timer);
    timer = setTimeout(suggest, 200);
  });
  input.addEventListener("keydown", event => {
    if (event.key === "ArrowDown" && hits.length) { event.preventDefault(); highlight((active + 1) % hits.length); }
    else if (event.key === "ArrowUp" && hits.length) { event.preventDefault(); highlight((active - 1 + hits.length) % hits.length); }
    else if (event.key === "Enter" && active >= 0) { event.preventDefault(); pick(hits[active]); }
    else if (event.key === "Escape") { close(); }
  });
  input.addEventListener("blur", () => { clearTimeout(timer); asked++; setTimeout(close, 150); });
  return { pick };
}

function personFor(input, hit) {
  input.value = hit.label;
  input.dataset.id = hit.id;
  input.dataset.kind = "PERSON";
}

picker($("search-text"), { peopleOnly: false });
picker($("from"), { peopleOnly: true });
picker($("to"), { peopleOnly: true });

// Search
$("search-form").addEventListener("submit", async event => {
  event.preventDefault();
  const list = $("search-results");
  list.replaceChildren();
  const { body } = await graphql("query($text: String!) { search(text: $text) { kind id label film { year } } }", { text: $("search-text").value });
  if (body.errors) { list.append(text("li", errorsOf(body), "error")); return; }
  if (body.data.search.length === 0) list.append(text("li", "Nothing found.", "muted"));
  for (const hit of body.data.search) {
    const label = hit.label + (hit.film && hit.film.year ? " (" + hit.film.year + ")" : "");
    const item = text("li", label + " ");
    item.append(text("span", hit.kind.toLowerCase() + " · " + hit.id, "muted"));
    if (hit.kind === "PERSON") {
      for (const target of ["from", "to"]) {
        const button = text("button", "use as " + (target === "from" ? "X" : "Y"));
        button.type = "button";
        button.addEventListener("click", () => personFor($(target), hit));
        item.append(" ", button);
      }
    }
    list.append(item);
  }
});

// How is X connected to Y? The person is the one picked; free text is resolved only when exactly one person's
// name is that text, or only one person matches at all. Otherwise the page asks, and never guesses.
class Ambiguous extends Error {
  constructor(input, hits) { super("Which one?"); this.input = input; this.hits = hits; }
}

async function personId(input) {
  if (input.dataset.id && input.dataset.kind === "PERSON") return input.dataset.id;
  const typed = input.value.trim();
  const { body } = await graphql("query($text: String!) { search(text: $text, first: 10) { kind id label person { born } } }", { text: typed });
  if (body.errors) throw new Error(errorsOf(body));
  const people = body.data.search.filter(h => h.kind === "PERSON");
  const key = s => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  const named = people.filter(h => h.id === typed || key(h.label) === key(typed));
  const only = named.length === 1 ? named[0] : named.length === 0 && people.length === 1 ? people[0] : null;
  if (only) { personFor(input, only); return only.id; }
  if (people.length === 0) throw new Error("No person matches '" + typed + "'.");
  throw new Ambiguous(input, named.length > 1 ? named : people);
}

const CHAINS =
  "query($from: ID!, $to: ID!, $via: [RelationshipType!]) { coStarChainsConnection(from: $from, to: $to, via: $via, first: 20) " +
  "{ totalCount items { length links { from { id name } film { id title year } to { id name } fromType toType fromRole toRole } } } }";

function verb(type, role) {
  const words = { CAST_IN: "cast in", DROPPED_FROM: "dropped from", DIRECTED: "directed", WROTE: "wrote", COMPOSED: "composed for",
    PRODUCED: "produced" }[type] || type.toLowerCase().replace(/_/g, " ");
  return role ? words + ", as " + role : words;
}

function filmLabel(film) { return film.title + (film.year ? " (" + film.year + ")" : ""); }

let graph = null;
function draw(chains) {
  if (graph) { graph.destroy(); graph = null; }
  const container = $("graph");
  container.replaceChildren();
  if (typeof cytoscape !== "function" || chains.length === 0) return;
  const nodes = new Map(), edges = new Map();
  for (const chain of chains) {
    for (const link of chain.links) {
      nodes.set(link.from.id, { data: { id: link.from.id, label: link.from.name, kind: "person" } });
      nodes.set(link.to.id, { data: { id: link.to.id, label: link.to.name, kind: "person" } });
      nodes.set("film:" + link.film.id, { data: { id: "film:" + link.film.id, label: filmLabel(link.film), kind: "film" } });
      for (const [person, type, role] of [[link.from, link.fromType, link.fromRole], [link.to, link.toType, link.toRole]]) {
        const id = person.id + "|" + type + "|" + link.film.id;
        edges.set(id, { data: { id, source: person.id, target: "film:" + link.film.id, type, label: verb(type, role),
          person: person.id, personName: person.name, film: link.film.id, filmTitle: filmLabel(link.film) } });
      }
    }
  }
  container.style.height = "420px";
  graph = cytoscape({
    container,
    elements: [...nodes.values(), ...edges.values()],
    layout: { name: "breadthfirst", directed: false, spacingFactor: 1.1, roots: "#" + CSS.escape(chains[0].links[0].from.id) },
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 4 } },
      { selector: "node[kind = 'person']", style: { "background-color": "#3a6ea5", shape: "ellipse" } },
      { selector: "node[kind = 'film']", style: { "background-color": "#999", shape: "round-rectangle", width: 24, height: 16 } },
      { selector: "edge", style: { label: "data(label)", "font-size": 10, "curve-style": "bezier", "text-rotation": "autorotate", width: 2, "line-color": "#9ab" } },
      { selector: "edge[type = 'DROPPED_FROM']", style: { "line-style": "dashed", "line-color": "#c66", color: "#a33" } },
    ],
  });
  graph.on("tap", "edge", event => details(event.target.data()));
  graph.on("tap", "node[kind = 'person']", event => expand(event.target.id()));
  window.explorerGraph = graph;
}

// A person's neighbourhood added to the drawing: their films, and the people on those films (up to 60 nodes).
async function expand(id) {
  const { body } = await graphql(
    "query($id: ID!) { neighbourhood(id: $id, depth: 2, types: [CAST_IN, DROPPED_FROM, DIRECTED, WROTE, COMPOSED, PRODUCED], limit: 60) " +
    "{ nodes { id kind label year } edges { type from to role } truncated } }", { id });
  if (!graph || body.errors || !body.data.neighbourhood) return;
  const sub = body.data.neighbourhood;
  const kinds = new Map(sub.nodes.map(n => [n.id, n.kind]));
  const key = nodeId => kinds.get(nodeId) === "FILM" ? "film:" + nodeId : nodeId;
  const labels = new Map(sub.nodes.map(n => [n.id, n.kind === "FILM" ? filmLabel({ title: n.label, year: n.year }) : n.label]));
  const added = [];
  for (const n of sub.nodes) {
    if (graph.getElementById(key(n.id)).empty())
      added.push({ group: "nodes", data: { id: key(n.id), label: labels.get(n.id), kind: n.kind === "FILM" ? "film" : "person" } });
  }
  for (const e of sub.edges) {
    if (kinds.get(e.to) !== "FILM") continue;
    const edgeId = e.from + "|" + e.type + "|" + e.to;
    if (graph.getElementById(edgeId).empty())
      added.push({ group: "edges", data: { id: edgeId, source: e.from, target: "film:" + e.to, type: e.type, label: verb(e.type, e.role),
        person: e.from, personName: labels.get(e.from), film: e.to, filmTitle: labels.get(e.to) } });
  }
  graph.add(added);
  graph.layout({ name: "cose", animate: false }).run();
  $("graph-note").textContent = sub.truncated ? "Neighbourhood of " + labels.get(id) + " cut at 60 people and films." : "";
}

// A link's facts: the credit's role, reason and source, from the person's credits on that film.
async function details(edge) {
  const out = $("details");
  out.replaceChildren(text("p", "loading...", "muted"));
  const { body } = await graphql("query($id: ID!) { person(id: $id) { credits { film { id } type role reason source { document quote } } } }", { id: edge.person });
  out.replaceChildren();
  if (body.errors) { out.append(text("p", errorsOf(body), "error")); return; }
  const credit = body.data.person.credits.find(c => c.film.id === edge.film && c.type === edge.type);
  out.append(text("h3", edge.personName + " " + verb(edge.type, null) + " " + edge.filmTitle, edge.type === "DROPPED_FROM" ? "dropped" : ""));
  if (!credit) return;
  const facts = document.createElement("ul");
  if (credit.role) facts.append(text("li", "Role: " + credit.role));
  if (credit.reason) facts.append(text("li", "Reason: " + credit.reason));
  if (credit.source) {
    facts.append(text("li", "Source: " + credit.source.document));
    if (credit.source.quote) facts.append(text("li", "\u201c" + credit.source.quote + "\u201d"));
  }
  out.append(facts);
}

function showChoices(out, problem) {
  out.replaceChildren(text("p", "Several people match '" + problem.input.value + "'. Which one do you mean?"));
  const choices = document.createElement("div");
  choices.className = "choices";
  for (const hit of problem.hits) {
    const button = text("button", hit.label + (hit.person && hit.person.born ? " (b. " + hit.person.born + ")" : "") + " · " + hit.id);
    button.type = "button";
    button.addEventListener("click", () => { personFor(problem.input, hit); $("connect-form").requestSubmit(); });
    choices.append(button);
  }
  out.append(choices);
}

async function connect() {
  const out = $("connect-result");
  out.replaceChildren(text("p", "looking...", "muted"));
  $("details").replaceChildren();
  try {
    const from = await personId($("from"));
    const to = await personId($("to"));
    const via = $("dropped").checked ? ["CAST_IN", "DROPPED_FROM"] : ["CAST_IN"];
    const params = new URLSearchParams({ from, to });
    if ($("dropped").checked) params.set("drops", "1");
    history.replaceState(null, "", "?" + params.toString());
    const { body } = await graphql(CHAINS, { from, to, via });
    out.replaceChildren();
    if (body.errors) { out.append(text("p", errorsOf(body), "error")); draw([]); return; }
    const page = body.data.coStarChainsConnection;
    const chains = page.items;
    if (chains.length === 0) { out.append(text("p", "Not connected within 6 films.", "muted")); draw([]); return; }
    const total = page.totalCount ?? chains.length;
    out.append(text("p", total + " shortest chain" + (total === 1 ? "" : "s") + " of length " + chains[0].length +
      (chains.length < total ? " (the first " + chains.length + " drawn)" : "") + ":", "count"));
    for (const chain of chains) {
      const line = document.createElement("div");
      line.className = "chain";
      if (chain.links.length === 0) line.textContent = "the same person";
      chain.links.forEach((link, i) => {
        if (i === 0) line.append(text("strong", link.from.name));
        line.append(" (", text("span", verb(link.fromType, link.fromRole), link.fromType === "DROPPED_FROM" ? "dropped" : ""), ") — ",
          text("span", filmLabel(link.film), "film"), " — ",
          text("strong", link.to.name), " (", text("span", verb(link.toType, link.toRole), link.toType === "DROPPED_FROM" ? "dropped" : ""), ")");
      });
      out.append(line);
    }
    draw(chains);
  } catch (e) {
    if (e instanceof Ambiguous) showChoices(out, e);
    else out.replaceChildren(text("p", e.message, "error"));
  }
}

$("connect-form").addEventListener("submit", event => { event.preventDefault(); connect(); });

// The question in the URL (?from=id&to=id&drops=1) is asked again on load, so a link can be shared.
(async () => {
  const params = new URLSearchParams(location.search);
  const from = params.get("from"), to = params.get("to");
  if (!from || !to) return;
  $("dropped").checked = params.get("drops") === "1";
  const { body } = await graphql("query($a: ID!, $b: ID!) { a: person(id: $a) { id name } b: person(id: $b) { id name } }", { a: from, b: to });
  const people = body.data || {};
  personFor($("from"), { id: from, label: people.a ? people.a.name : from });
  personFor($("to"), { id: to, label: people.b ? people.b.name : to });
  connect();
})();
