// Introspects the API as current tools do, with every option of graphql-js's getIntrospectionQuery on, and builds a
// client schema from the answer. Usage: node introspection.mjs <base-url>; exits non-zero with the reason on failure.
import { buildClientSchema, getIntrospectionQuery, printSchema } from "graphql";

const [baseUrl] = process.argv.slice(2);
if (!baseUrl) throw new Error("usage: node introspection.mjs <base-url>");

const query = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
});
const response = await fetch(baseUrl + "/graphql", {
  method: "POST",
  headers: { "Content-Type": "application/json", Accept: "application/graphql-response+json" },
  body: JSON.stringify({ query }),
});
const body = await response.json();
if (response.status !== 200 || body.errors) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body.errors)}`);

const schema = buildClientSchema(body.data);
const check = (condition, message) => { if (!condition) throw new Error(message); };
check(schema.description && schema.description.startsWith("People, films"), "schema description: " + schema.description);
check(schema.getQueryType().getFields().search, "no Query.search");
check(schema.getType("Person").getFields().knownFor, "no Person.knownFor");
const deprecated = schema.getDirective("deprecated");
check(deprecated && deprecated.isRepeatable === false, "@deprecated: " + JSON.stringify(deprecated && deprecated.isRepeatable));
check(deprecated.locations.includes("ARGUMENT_DEFINITION"), "@deprecated cannot mark an argument: " + deprecated.locations);
check(schema.getType("String").specifiedByURL == null, "String has a specifiedByURL");
const sdl = printSchema(schema);
check(sdl.includes("type Query"), "the printed schema has no Query type");
console.log(`introspection: client schema built, ${Object.keys(schema.getTypeMap()).length} types, ${sdl.length} characters of SDL`);
