// The side panel: a person's or film's facts, every one with the document it came from and its quote.
import { $, el, filmLabel, graphql, sourceOf, verb } from "./graphql.js";

const SOURCE = "source { document quote }";
const PERSON =
  `query Person($id: ID!) { person(id: $id) { id name born aliases knownFor(first: 3) { id title year }
    credits { film { id title year } type role reason ${SOURCE} }
    conflicts { person { id name } outgoing context { id title year } contextText description ${SOURCE} }
    replaced { film { id title year } role dropped { id name } reason ${SOURCE} }
    replacedBy { film { id title year } role cast { id name } reason ${SOURCE} } } }`;
const FILM =
  `query Film($id: ID!) { film(id: $id) { id title year
    credits { person { id name } type role reason ${SOURCE} }
    replacements { role dropped { id name } cast { id name } reason ${SOURCE} } } }`;

function section(title, items, empty) {
  const box = document.createDocumentFragment();
  box.append(el("h4", title));
  if (items.length === 0) { box.append(el("p", empty, "muted")); return box; }
  const list = el("ul");
  list.append(...items);
  box.append(list);
  return box;
}

function link(label, id, kind, open) {
  const button = el("button", label, "link");
  button.type = "button";
  button.addEventListener("click", () => open(id, kind));
  return button;
}

function item(...parts) {
  const li = el("li");
  li.append(...parts);
  return li;
}

export async function showPerson(id, { open, reach }) {
  const panel = $("panel");
  panel.replaceChildren(el("h2", "Details"), el("p", "loading…", "muted"));
  const { person } = await graphql(PERSON, { id });
  const title = el("h3", person.name + (person.born ? " (b. " + person.born + ")" : ""));
  title.dataset.id = person.id;
  const reachButton = el("button", "Show reach", "secondary");
  reachButton.type = "button";
  reachButton.id = "panel-reach";
  reachButton.addEventListener("click", () => reach(person.id));
  const parts = [el("h2", "Details"), title, el("p", "Person · " + person.id + (person.aliases.length ? " · also " + person.aliases.join(", ") : ""), "muted"), reachButton];

  const credits = person.credits.filter(c => c.type !== "DROPPED_FROM");
  const drops = person.credits.filter(c => c.type === "DROPPED_FROM");
  parts.push(section("Credits", credits.map(c => item(verb(c.type, c.role) + " ", link(filmLabel(c.film), c.film.id, "FILM", open), sourceOf(c.source))), "No credits."));
  parts.push(section("Dropped from", drops.map(c => item(el("span", "dropped from ", "dropped"), link(filmLabel(c.film), c.film.id, "FILM", open),
    c.role ? ", as " + c.role : "", c.reason ? ": " + c.reason : "", sourceOf(c.source))), "Never dropped."));
  parts.push(section("Conflicts", person.conflicts.map(c => item((c.outgoing ? "in conflict with " : "in conflict with (their side) "),
    link(c.person.name, c.person.id, "PERSON", open),
    c.context ? " on " + filmLabel(c.context) : c.contextText ? " on " + c.contextText : "", c.description ? ": " + c.description : "", sourceOf(c.source))), "No conflicts."));
  const replacements = [
    ...person.replaced.map(r => item("replaced ", link(r.dropped.name, r.dropped.id, "PERSON", open), " as " + r.role + " in ",
      link(filmLabel(r.film), r.film.id, "FILM", open), r.reason ? ": " + r.reason : "", sourceOf(r.source))),
    ...person.replacedBy.map(r => item("replaced by ", link(r.cast.name, r.cast.id, "PERSON", open), " as " + r.role + " in ",
      link(filmLabel(r.film), r.film.id, "FILM", open), r.reason ? ": " + r.reason : "", sourceOf(r.source))),
  ];
  parts.push(section("Replacements", replacements, "No replacements."));
  panel.replaceChildren(...parts);
  return person;
}

export async function showFilm(id, { open }) {
  const panel = $("panel");
  panel.replaceChildren(el("h2", "Details"), el("p", "loading…", "muted"));
  const { film } = await graphql(FILM, { id });
  const title = el("h3", filmLabel(film));
  title.dataset.id = film.id;
  const parts = [el("h2", "Details"), title, el("p", "Film · " + film.id, "muted")];
  const credits = film.credits.filter(c => c.type !== "DROPPED_FROM");
  const drops = film.credits.filter(c => c.type === "DROPPED_FROM");
  parts.push(section("Credits", credits.map(c => item(link(c.person.name, c.person.id, "PERSON", open), " " + verb(c.type, c.role), sourceOf(c.source))), "No credits."));
  parts.push(section("Dropped", drops.map(c => item(link(c.person.name, c.person.id, "PERSON", open), " ", el("span", "dropped", "dropped"),
    c.role ? ", as " + c.role : "", c.reason ? ": " + c.reason : "", sourceOf(c.source))), "Nobody was dropped."));
  parts.push(section("Replacements", film.replacements.map(r => {
    const li = item(link(r.dropped.name, r.dropped.id, "PERSON", open), " \u2192 ", link(r.cast.name, r.cast.id, "PERSON", open),
      r.role ? " as " + r.role : "", r.reason ? ": " + r.reason : "", sourceOf(r.source));
    li.className = "replacement";
    return li;
  }), "No replacements."));
  panel.replaceChildren(...parts);
  return film;
}
