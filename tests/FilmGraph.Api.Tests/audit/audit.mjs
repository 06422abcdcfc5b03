// Runs graphql-http's server audits (the GraphQL-over-HTTP specification's MUST, SHOULD and MAY) against a running
// API. Usage: node audit.mjs http://127.0.0.1:PORT/graphql
// Prints one line per audit: "<status> <id> <name>" and, for a failure, the reason on the next line. Ends with a
// summary line "audit: N ok, N MUST failed, N SHOULD failed, N MAY failed". Exits 1 when a MUST failed, 2 on misuse.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql url>');
  process.exit(2);
}

// Each audit is one or two requests; none should take long, and none may hang the run.
const perAuditMs = 10_000;
const withTimeout = (promise, ms) => {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

const failed = { MUST: 0, SHOULD: 0, MAY: 0 };
let ok = 0;
for (const audit of serverAudits({ url })) {
  const level = audit.name.split(' ')[0];
  let result;
  try {
    result = await withTimeout(audit.fn(), perAuditMs);
  } catch (e) {
    result = { id: audit.id, name: audit.name, status: 'error', reason: `the audit threw: ${e?.message ?? e}` };
  }
  if (result.status === 'ok') {
    ok++;
    console.log(`ok ${result.id} ${result.name}`);
    continue;
  }
  failed[level] = (failed[level] ?? 0) + 1;
  let body = '';
  if (result.response) {
    try { body = ` (answered ${result.response.status}: ${(await result.response.text()).slice(0, 300)})`; } catch { /* body already read */ }
  }
  console.log(`${result.status} ${result.id} ${result.name}`);
  console.log(`    reason: ${result.reason}${body}`);
}
console.log(`audit: ${ok} ok, ${failed.MUST} MUST failed, ${failed.SHOULD} SHOULD failed, ${failed.MAY} MAY failed`);
process.exit(failed.MUST > 0 ? 1 : 0);
