// The "Bacon number" table for one person: how many people at each distance, as bars, with the average distance.
import { $, el, graphql } from "./graphql.js";

export async function showReach(id, via) {
  const box = $("reach");
  box.replaceChildren(el("p", "counting…", "muted"));
  const data = await graphql(
    "query Reach($id: ID!, $via: [RelationshipType!]) { person(id: $id) { name } reach(id: $id, via: $via) { levels { distance people } reachable averageDistance } }",
    { id, via });
  const reach = data.reach;
  const name = data.person ? data.person.name : id;
  const parts = [el("h3", "People within reach of " + name)];
  const levels = reach.levels.filter(l => l.distance > 0);
  if (levels.length === 0) {
    parts.push(el("p", name + " shares no film with anyone.", "muted"));
    box.replaceChildren(...parts);
    return;
  }
  const most = Math.max(...levels.map(l => l.people));
  const chart = el("div", null, "bars");
  for (const level of levels) {
    const row = [el("span", level.distance + (level.distance === 1 ? " film away" : " films away")), el("div"), el("span", String(level.people))];
    const bar = el("div", null, "bar");
    bar.style.width = Math.max(1, Math.round((100 * level.people) / most)) + "%";
    row[1].append(bar);
    chart.append(...row);
  }
  parts.push(chart);
  const average = reach.averageDistance == null ? "" : "; average distance " + reach.averageDistance.toFixed(2);
  parts.push(el("p", reach.reachable + " people reachable" + average + ".", "reach-summary"));
  box.replaceChildren(...parts);
}
