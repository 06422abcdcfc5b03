// GraphiQL against this API's /graphql, same origin.
"use strict";
const fetcher = GraphiQL.createFetcher({ url: "/graphql" });
ReactDOM.createRoot(document.getElementById("graphiql")).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultQuery: '{\n  search(text: "ryan", first: 5) {\n    kind id label\n  }\n}\n',
  }));
