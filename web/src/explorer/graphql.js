// The page's one way to the data: POST /graphql, as every other client does.
export async function graphql(query, variables) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/graphql-response+json, application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors && body.errors.length) throw new QueryError(body.errors);
  return body.data;
}

export class QueryError extends Error {
  constructor(errors) {
    super(errors.map(e => e.message + (e.extensions && e.extensions.code ? " (" + e.extensions.code + ")" : "")).join("; "));
    this.errors = errors;
  }
}

export const $ = id => document.getElementById(id);

/** An element with text (never HTML) and optional class. */
export function el(tag, content, className) {
  const element = document.createElement(tag);
  if (content !== undefined && content !== null) element.textContent = content;
  if (className) element.className = className;
  return element;
}

export const filmLabel = film => film.title + (film.year ? " (" + film.year + ")" : "");

const VERBS = { CAST_IN: "cast in", DROPPED_FROM: "dropped from", DIRECTED: "directed", WROTE: "wrote", COMPOSED: "composed for", PRODUCED: "produced",
  CONFLICTED_WITH: "in conflict with" };

/** "cast in, as Mia"; a drop always says "dropped from", so it never reads as a casting. */
export function verb(type, role) {
  const words = VERBS[type] || type.toLowerCase().replace(/_/g, " ");
  return role ? words + ", as " + role : words;
}

/** A fact's source: the document, and the quote when there is one. */
export function sourceOf(source) {
  const box = document.createDocumentFragment();
  if (!source) return box;
  box.append(el("div", "Source: " + source.document, "source"));
  if (source.quote) box.append(el("blockquote", "\u201c" + source.quote + "\u201d"));
  return box;
}
