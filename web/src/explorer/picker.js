// A text box that suggests people and films as you type (debounced), each with what tells namesakes apart: birth
// year, kind, and the best-known films. Arrows move, Enter picks, Escape closes. The pick is kept on the box
// (dataset.id); typing forgets it, so nothing typed afterwards is taken for the picked person.
import { $, el, filmLabel, graphql } from "./graphql.js";

export const SUGGEST =
  "query Suggest($text: String!) { search(text: $text, first: 8) { kind id label " +
  "person { born knownFor(first: 3) { title year } } film { year knownFor(first: 3) { name } } } }";

/** "person · b. 1990" or "film · 2016". */
export function metaOf(hit) {
  const year = hit.kind === "PERSON" ? (hit.person && hit.person.born ? "b. " + hit.person.born : "") : (hit.film && hit.film.year ? String(hit.film.year) : "");
  return [hit.kind.toLowerCase(), year].filter(Boolean).join(" · ");
}

export function knownOf(hit) {
  if (hit.film) return hit.film.knownFor && hit.film.knownFor.length ? "with " + hit.film.knownFor.map(p => p.name).join(", ") : "";
  const films = hit.person ? hit.person.knownFor : [];
  return films.length ? "known for " + films.map(filmLabel).join(", ") : "";
}

export function picker(input, { peopleOnly, onPick }) {
  const list = $(input.id + "-suggestions");
  let hits = [], active = -1, timer = 0, asked = 0;

  const close = () => {
    list.replaceChildren();
    hits = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };
  const highlight = i => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
    if (i >= 0) {
      input.setAttribute("aria-activedescendant", list.children[i].id);
      list.children[i].scrollIntoView({ block: "nearest" });
    }
  };
  const pick = hit => {
    set(input, hit);
    close();
    if (onPick) onPick(hit);
  };

  async function suggest() {
    const text = input.value.trim();
    const ticket = ++asked;
    if (text.length < 2) { close(); return; }
    let data;
    try { data = await graphql(SUGGEST, { text }); } catch { close(); return; }
    // A late answer for text since changed, or for a box no longer in use, is dropped.
    if (ticket !== asked || document.activeElement !== input) return;
    hits = data.search.filter(h => !peopleOnly || h.kind === "PERSON");
    // What the list answers, so that a reader (or a test) can tell it from the list for the text before.
    list.dataset.for = text;
    list.replaceChildren(...hits.map((hit, i) => {
      const li = el("li");
      li.id = input.id + "-option-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.dataset.id = hit.id;
      li.append(el("span", hit.label, "name"), el("span", metaOf(hit), "meta"));
      const known = knownOf(hit);
      if (known) li.append(el("span", known, "known"));
      // mousedown, not click: the box keeps its focus, so its blur does not close the list first.
      li.addEventListener("mousedown", event => { event.preventDefault(); pick(hit); });
      return li;
    }));
    active = -1;
    input.setAttribute("aria-expanded", String(hits.length > 0));
  }

  input.addEventListener("input", () => {
    delete input.dataset.id;
    delete input.dataset.kind;
    clearTimeout(timer);
    timer = setTimeout(suggest, 200);
  });
  input.addEventListener("keydown", event => {
    if (event.key === "ArrowDown" && hits.length) { event.preventDefault(); highlight((active + 1) % hits.length); }
    else if (event.key === "ArrowUp" && hits.length) { event.preventDefault(); highlight((active - 1 + hits.length) % hits.length); }
    else if (event.key === "Enter" && active >= 0) { event.preventDefault(); pick(hits[active]); }
    else if (event.key === "Escape" && hits.length) { event.preventDefault(); close(); }
  });
  input.addEventListener("blur", () => { clearTimeout(timer); asked++; setTimeout(close, 150); });
}

/** Puts a person or film into a box as picked. */
export function set(input, hit) {
  input.value = hit.label;
  input.dataset.id = hit.id;
  input.dataset.kind = hit.kind;
}
