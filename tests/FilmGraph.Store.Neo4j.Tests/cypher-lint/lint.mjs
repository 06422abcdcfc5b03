// Lints Cypher statements with Neo4j's own parser and semantic analysis.
// Input: a JSON file { schema: { labels, relationshipTypes, propertyKeys }, statements: [{ name, text, parameters }] };
// with the schema, a misspelt label, type or property is reported as a warning.
// Output on stdout: JSON [{ name, diagnostics: [{ severity, message, offset }] }], severity as the language server
// numbers it: 1 error, 2 warning, 3 information, 4 hint.
import { readFileSync } from 'node:fs';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const { schema, statements } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = statements.map(({ name, text, parameters }) => {
  const { diagnostics } = lintCypherQuery(text, { ...schema, parameters: parameters ?? {} });
  return {
    name,
    diagnostics: diagnostics.map(d => ({ severity: d.severity, message: d.message, offset: d.offsets?.start ?? -1 })),
  };
});
process.stdout.write(JSON.stringify(results));
