// The chains drawn with Cytoscape: people and films as nodes, each chain a row read left to right, every edge
// labelled with its type and role. A drop is dashed, red and says "dropped from", so it never looks like a casting.
import cytoscape from "cytoscape";
import { $, el, filmLabel, graphql, verb } from "./graphql.js";

const COLUMN = 170, ROW = 95;
const CREW = ["DIRECTED", "WROTE", "COMPOSED", "PRODUCED"];

let cy = null;
let selectHandler = () => {};

const STYLE = [
  { selector: "node", style: { label: "data(label)", "font-size": 12, "text-valign": "bottom", "text-margin-y": 5, "text-wrap": "wrap",
    "text-max-width": 130, color: "#1d2430", "text-background-color": "#fbfcfd", "text-background-opacity": 0.85, "text-background-padding": 1 } },
  { selector: "node[kind = 'PERSON']", style: { "background-color": "#2f6fb0", shape: "ellipse", width: 26, height: 26 } },
  { selector: "node[kind = 'FILM']", style: { "background-color": "#8a93a0", shape: "round-rectangle", width: 34, height: 22 } },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#f2b134" } },
  { selector: "edge", style: { label: "data(label)", "font-size": 11, "curve-style": "bezier", "text-rotation": "autorotate", width: 2.5,
    "line-color": "#2f6fb0", color: "#1d2430", "text-background-color": "#ffffff", "text-background-opacity": 0.9, "text-background-padding": 2 } },
  { selector: "edge[type = 'DROPPED_FROM']", style: { "line-style": "dashed", "line-dash-pattern": [8, 5], "line-color": "#b3261e", color: "#b3261e" } },
  { selector: CREW.map(t => `edge[type = '${t}']`).join(", "), style: { "line-style": "dotted", "line-color": "#6b7d3a", color: "#4d5a29" } },
];

function nodeData(id, kind, label) { return { group: "nodes", data: { id, kind, label } }; }

function edgeData(person, type, role, film) {
  const id = person + "|" + type + "|" + film;
  return { group: "edges", data: { id, source: person, target: film, type, role: role || null, label: verb(type, role) } };
}

function create(elements) {
  if (cy) cy.destroy();
  const container = $("graph");
  cy = cytoscape({ container, elements, style: STYLE, layout: { name: "preset" }, boxSelectionEnabled: false, minZoom: 0.2, maxZoom: 3,
    autoungrabify: false });
  // A long press selects too (Cytoscape calls it taphold, and a press held past its threshold, as on a busy
  // machine or a phone, gives no tap); one press that gives both selects once.
  let last = { id: null, at: 0 };
  cy.on("tap taphold", "node", event => {
    const id = event.target.id();
    if (last.id === id && event.timeStamp - last.at < 1000) return;
    last = { id, at: event.timeStamp };
    selectHandler(id, event.target.data("kind"));
  });
  window.explorerGraph = cy;
  listNodes();
  return cy;
}

/** Draws the chains, each a row, the start at the left and the end at the right. */
export function drawChains(chains, onSelect) {
  selectHandler = onSelect;
  const elements = new Map();
  const rows = chains.length;
  chains.forEach((chain, row) => {
    const y = (row - (rows - 1) / 2) * ROW;
    chain.links.forEach((link, i) => {
      const place = (id, kind, label, column, shared) => {
        if (elements.has(id)) return;
        const node = nodeData(id, kind, label);
        node.position = { x: column * COLUMN, y: shared ? 0 : y };
        elements.set(id, node);
      };
      place(link.from.id, "PERSON", link.from.name, 2 * i, i === 0);
      place(link.film.id, "FILM", filmLabel(link.film), 2 * i + 1, false);
      place(link.to.id, "PERSON", link.to.name, 2 * i + 2, i === chain.links.length - 1);
      for (const [person, type, role] of [[link.from.id, link.fromType, link.fromRole], [link.to.id, link.toType, link.toRole]]) {
        const edge = edgeData(person, type, role, link.film.id);
        elements.set(edge.data.id, edge);
      }
    });
  });
  create([...elements.values()]);
  cy.fit(undefined, 30);
  $("graph-note").textContent = "";
}

/** Draws one person or film alone, to be expanded. */
export function drawNode(id, kind, label, onSelect) {
  selectHandler = onSelect;
  const node = nodeData(id, kind, label);
  node.position = { x: 0, y: 0 };
  create([node]);
  cy.zoom(1);
  cy.center();
}

export function clear() {
  if (cy) { cy.destroy(); cy = null; window.explorerGraph = null; }
  $("graph-nodes").replaceChildren();
}

export const has = id => Boolean(cy && !cy.getElementById(id).empty());

/** Adds a node's neighbours (its films, or a film's people) around it; what is drawn already stays where it is. */
export async function expand(id) {
  if (!cy) return;
  const data = await graphql(
    "query Around($id: ID!) { neighbourhood(id: $id, depth: 1, types: [CAST_IN, DROPPED_FROM, DIRECTED, WROTE, COMPOSED, PRODUCED], limit: 40) " +
    "{ nodes { id kind label year } edges { type from to role } truncated } }", { id });
  const around = data.neighbourhood;
  if (!cy || !around) return;
  const centre = cy.getElementById(id);
  const origin = centre.empty() ? { x: 0, y: 0 } : centre.position();
  const fresh = around.nodes.filter(n => cy.getElementById(n.id).empty());
  const added = fresh.map((n, i) => {
    const node = nodeData(n.id, n.kind, n.kind === "FILM" ? filmLabel({ title: n.label, year: n.year }) : n.label);
    const angle = (2 * Math.PI * i) / Math.max(fresh.length, 1) + 0.4;
    const radius = 140 + 12 * Math.min(fresh.length, 12);
    node.position = { x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) };
    return node;
  });
  for (const e of around.edges) {
    const edge = edgeData(e.from, e.type, e.role, e.to);
    if (cy.getElementById(edge.data.id).empty()) added.push(edge);
  }
  cy.add(added);
  cy.fit(undefined, 30);
  listNodes();
  $("graph-note").textContent = around.truncated ? "Only the first 40 neighbours are drawn." : "";
}

export function select(id) {
  if (!cy) return;
  cy.elements().unselect();
  cy.getElementById(id).select();
}

// The drawing's nodes as buttons, so that everything it offers can be done from the keyboard too.
function listNodes() {
  const list = $("graph-nodes");
  list.replaceChildren();
  if (!cy) return;
  cy.nodes().sort((a, b) => a.data("kind").localeCompare(b.data("kind")) || a.data("label").localeCompare(b.data("label"))).forEach(n => {
    const button = el("button", (n.data("kind") === "FILM" ? "\u25ad " : "\u25cf ") + n.data("label"));
    button.type = "button";
    button.dataset.id = n.id();
    button.addEventListener("click", () => selectHandler(n.id(), n.data("kind")));
    list.append(button);
  });
}
