// The explorer: pick people, see how they are connected, drawn; inspect people and films; see a person's reach.
// The view lives in the URL (?from=ID&to=ID&via=CAST_IN,DROPPED_FROM, ?person=ID, ?film=ID, ?reach=ID), so a link
// opens the same view and back and forward move between views.
import "./explorer.css";
import { $, el, filmLabel, graphql, QueryError, verb } from "./explorer/graphql.js";
import { picker, set, metaOf, knownOf } from "./explorer/picker.js";
import * as drawing from "./explorer/drawing.js";
import { showFilm, showPerson } from "./explorer/panel.js";
import { showReach } from "./explorer/reach.js";

const SHOWN = 10;
const TYPES = ["CAST_IN", "DROPPED_FROM", "DIRECTED", "WROTE", "COMPOSED", "PRODUCED"];

// ---- the view and the URL ---------------------------------------------------------------------------------

function readUrl() {
  const params = new URLSearchParams(location.search);
  const via = (params.get("via") || "CAST_IN").split(",").filter(t => TYPES.includes(t));
  return { from: params.get("from"), to: params.get("to"), via: via.length ? via : ["CAST_IN"],
    person: params.get("person"), film: params.get("film"), reach: params.get("reach") };
}

function urlOf(view) {
  const params = [];
  if (view.from && view.to) {
    params.push("from=" + encodeURIComponent(view.from), "to=" + encodeURIComponent(view.to));
    params.push("via=" + view.via.join(","));
  }
  if (view.person) params.push("person=" + encodeURIComponent(view.person));
  if (view.film) params.push("film=" + encodeURIComponent(view.film));
  if (view.reach) params.push("reach=" + encodeURIComponent(view.reach));
  return params.length ? "/?" + params.join("&") : "/";
}

let current = readUrl();
let shown = {};

/** Moves to a view: a new history entry, then whatever of the page it changes. */
function go(change) {
  const next = { ...current, ...change };
  const url = urlOf(next);
  if (url !== location.pathname + location.search) history.pushState(null, "", url);
  current = next;
  return render();
}

window.addEventListener("popstate", () => { current = readUrl(); render(); });

// Each part of the page is drawn again only when its part of the view changed.
async function render() {
  const view = current;
  const chainKey = view.from && view.to ? view.from + "|" + view.to + "|" + view.via.join(",") : "";
  const tasks = [];
  syncVia(view.via);
  if (chainKey !== shown.chain) {
    shown.chain = chainKey;
    tasks.push(chainKey ? connect(view) : Promise.resolve(clearChains()));
  }
  const subject = view.person ? "PERSON:" + view.person : view.film ? "FILM:" + view.film : "";
  if (subject !== shown.subject) {
    shown.subject = subject;
    tasks.push(subject ? inspect(view.person || view.film, view.person ? "PERSON" : "FILM", !chainKey) : Promise.resolve(clearPanel()));
  }
  const reachKey = view.reach ? view.reach + "|" + view.via.join(",") : "";
  if (reachKey !== shown.reach) {
    shown.reach = reachKey;
    if (reachKey) tasks.push(showReach(view.reach, view.via).catch(report($("reach"))));
    else $("reach").replaceChildren(el("p", "Open a person's reach from their details: how many people are 1, 2, 3… films away.", "muted"));
  }
  await Promise.all(tasks);
  document.body.dataset.ready = String(Date.now());
}

const report = box => error => box.replaceChildren(el("p", error.message, "error"));

function syncVia(via) {
  for (const box of document.querySelectorAll("#via input")) box.checked = via.includes(box.value);
}

const chosenVia = () => [...document.querySelectorAll("#via input:checked")].map(b => b.value);

// ---- pickers --------------------------------------------------------------------------------------------

picker($("find"), { peopleOnly: false, onPick: hit => go(hit.kind === "PERSON" ? { person: hit.id, film: null } : { film: hit.id, person: null }) });
picker($("from"), { peopleOnly: true });
picker($("to"), { peopleOnly: true });

// ---- how is X connected to Y ----------------------------------------------------------------------------

class Ambiguous extends Error {
  constructor(input, hits) { super("Which one?"); this.input = input; this.hits = hits; }
}

const keyOf = s => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

// The person picked from the suggestions; free text only when exactly one person is so named, or only one matches.
// Otherwise the page asks which one is meant, and never guesses.
async function personId(input) {
  if (input.dataset.id && input.dataset.kind === "PERSON") return input.dataset.id;
  const typed = input.value.trim();
  if (!typed) throw new Error("Pick a person for " + (input.id === "from" ? "From" : "To") + ".");
  const data = await graphql("query Which($text: String!) { search(text: $text, first: 10) { kind id label person { born knownFor(first: 3) { title year } } } }", { text: typed });
  const people = data.search.filter(h => h.kind === "PERSON");
  const named = people.filter(h => h.id === typed || keyOf(h.label) === keyOf(typed));
  const only = named.length === 1 ? named[0] : named.length === 0 && people.length === 1 ? people[0] : null;
  if (only) { set(input, only); return only.id; }
  if (people.length === 0) throw new Error("No person matches \u2018" + typed + "\u2019.");
  throw new Ambiguous(input, named.length > 1 ? named : people);
}

function showChoices(problem) {
  const out = $("connect-result");
  const choices = el("div", null, "choices");
  for (const hit of problem.hits) {
    const button = el("button");
    button.type = "button";
    button.append(el("strong", hit.label), " ", el("span", [metaOf(hit), knownOf(hit)].filter(Boolean).join(" · "), "muted"));
    button.addEventListener("click", () => { set(problem.input, hit); $("connect-form").requestSubmit(); });
    choices.append(button);
  }
  out.replaceChildren(el("p", "Several people match \u2018" + problem.input.value + "\u2019. Which one do you mean?"), choices);
  choices.querySelector("button").focus();
}

$("connect-form").addEventListener("submit", async event => {
  event.preventDefault();
  try {
    const from = await personId($("from"));
    const to = await personId($("to"));
    const via = chosenVia();
    if (via.length === 0) throw new Error("Choose at least one kind of link.");
    shown.chain = null;
    await go({ from, to, via });
  } catch (e) {
    if (e instanceof Ambiguous) showChoices(e);
    else $("connect-result").replaceChildren(el("p", e.message, "error"));
  }
});

// Switching a kind of link redraws the chain at once, when there is one.
$("via").addEventListener("change", () => {
  const via = chosenVia();
  if (via.length === 0) { $("connect-result").replaceChildren(el("p", "Choose at least one kind of link.", "error")); return; }
  go({ via });
});

// chainCount (the number of shortest chains, however many) where the API has it; else the connection's totalCount,
// which stops counting at its ceiling, and the line then says "at least".
let counting = null;
function countField() {
  counting ??= graphql("{ __type(name: \"Query\") { fields { name } } }")
    .then(d => (d.__type ? d.__type.fields.some(f => f.name === "chainCount") : false))
    .catch(() => false);
  return counting;
}

const CHAINS = withCount =>
  "query Chains($from: ID!, $to: ID!, $via: [RelationshipType!]) { " +
  "a: person(id: $from) { id name } b: person(id: $to) { id name } " +
  (withCount ? "chainCount(from: $from, to: $to, via: $via) " : "") +
  `coStarChainsConnection(from: $from, to: $to, via: $via, first: ${SHOWN}) { totalCount items { length ` +
  "links { from { id name } film { id title year } to { id name } fromType toType fromRole toRole } } } }";

async function connect(view) {
  const out = $("connect-result");
  out.replaceChildren(el("p", "looking…", "muted"));
  try {
    const withCount = await countField();
    const data = await graphql(CHAINS(withCount), { from: view.from, to: view.to, via: view.via });
    if (data.a) set($("from"), { id: data.a.id, label: data.a.name, kind: "PERSON" });
    if (data.b) set($("to"), { id: data.b.id, label: data.b.name, kind: "PERSON" });
    const page = data.coStarChainsConnection;
    const chains = page.items;
    const names = view.via.map(t => verb(t)).join(", ");
    if (chains.length === 0) {
      out.replaceChildren(el("p", "No chain of " + names + " links joins " + (data.a ? data.a.name : view.from) + " and " +
        (data.b ? data.b.name : view.to) + " within 6 films.", "count"));
      drawing.clear();
      return;
    }
    const length = chains[0].length;
    const total = withCount ? data.chainCount : page.totalCount;
    const atLeast = !withCount && total >= 100 ? "at least " : "";
    const line = atLeast + total + " shortest chain" + (total === 1 ? "" : "s") + " of length " + length +
      (chains.length < total ? "; showing " + chains.length : "") + ".";
    const list = el("ol", null, "chains");
    for (const chain of chains) list.append(chainItem(chain));
    out.replaceChildren(el("p", line, "count"), list);
    drawing.drawChains(chains, selectNode);
  } catch (e) {
    out.replaceChildren(el("p", e.message, "error"));
    drawing.clear();
  }
}

function chainItem(chain) {
  const li = el("li", null, "chain");
  if (chain.links.length === 0) li.textContent = "the same person";
  chain.links.forEach((link, i) => {
    if (i === 0) li.append(el("strong", link.from.name));
    li.append(" (", el("span", verb(link.fromType, link.fromRole), link.fromType === "DROPPED_FROM" ? "dropped" : ""), ") \u2014 ",
      el("span", filmLabel(link.film), "film"), " \u2014 ",
      el("strong", link.to.name), " (", el("span", verb(link.toType, link.toRole), link.toType === "DROPPED_FROM" ? "dropped" : ""), ")");
  });
  return li;
}

function clearChains() {
  $("connect-result").replaceChildren();
  if (!current.person && !current.film) drawing.clear();
}

// ---- inspecting a person or film --------------------------------------------------------------------------

// A node selected in the drawing (or its button): its neighbours join the drawing, its facts fill the panel.
function selectNode(id, kind) {
  drawing.select(id);
  drawing.expand(id).catch(report($("graph-note")));
  go(kind === "PERSON" ? { person: id, film: null } : { film: id, person: null });
}

const openFromPanel = (id, kind) => go(kind === "PERSON" ? { person: id, film: null } : { film: id, person: null });

async function inspect(id, kind, drawAlone) {
  try {
    const subject = kind === "PERSON"
      ? await showPerson(id, { open: openFromPanel, reach: person => go({ reach: person }).then(() => $("reach-h").scrollIntoView()) })
      : await showFilm(id, { open: openFromPanel });
    // With no chain drawn, the person or film is drawn alone with its neighbours, to be explored from there.
    if (drawAlone && !drawing.has(id)) {
      drawing.drawNode(id, kind, kind === "PERSON" ? subject.name : filmLabel(subject), selectNode);
      await drawing.expand(id);
    }
    drawing.select(id);
  } catch (e) {
    $("panel").replaceChildren(el("h2", "Details"), el("p", e instanceof QueryError ? e.message : String(e), "error"));
  }
}

function clearPanel() {
  $("panel").replaceChildren(el("h2", "Details"),
    el("p", "Pick a person or film to see their credits, drops, conflicts and replacements, each with its source.", "muted"));
}

render();
