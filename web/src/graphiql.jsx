// GraphiQL against this API's /graphql, same origin, with the schema's docs from introspection.
import { GraphiQL } from "graphiql";
import { createRoot } from "react-dom/client";
import "graphiql/graphiql.css";
import "./graphiql-page.css";

async function fetcher(params) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/graphql-response+json, application/json" },
    body: JSON.stringify(params),
  });
  return response.json();
}

const defaultQuery = '{\n  search(text: "ryan", first: 5) {\n    kind id label\n    person { born knownFor { title year } }\n  }\n}\n';

createRoot(document.getElementById("graphiql")).render(<GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />);
