// Runs one scenario with the official Neo4j JavaScript driver against the scripted peer, so that
// every script is known to describe what a real driver sends. Usage: node scenario.mjs NAME URI
// Prints the outcome as JSON; exits non-zero when the driver's behaviour differs from the scenario.
import neo4j from 'neo4j-driver';

const [name, uri] = process.argv.slice(2);
const auth = neo4j.auth.basic('neo4j', 'secret');
const config = {
  disableLosslessIntegers: true,
  maxTransactionRetryTime: 15000,
  connectionAcquisitionTimeout: 10000,
  connectionTimeout: 5000,
  logging: process.env.BOLT_JS_DEBUG ? neo4j.logging.console('debug') : undefined,
};

function check(condition, message) {
  if (!condition) throw new Error(`scenario expectation failed: ${message}`);
}

async function expectFailure(work, code) {
  try {
    await work();
  } catch (error) {
    if (code) check(error.code === code, `expected ${code}, got ${error.code}: ${error.message}`);
    return { error: error.code ?? error.message };
  }
  throw new Error('scenario expectation failed: expected an error');
}

const scenarios = {
  async run(driver) {
    const session = driver.session();
    const result = await session.run('RETURN 1 AS n');
    await session.close();
    check(result.records.length === 1 && result.records[0].get('n') === 1, 'one record n = 1');
    return { n: result.records[0].get('n') };
  },
  async 'no-version'(driver) {
    return expectFailure(() => driver.verifyConnectivity());
  },
  async 'auth-failure'(driver) {
    return expectFailure(() => driver.verifyConnectivity(), 'Neo.ClientError.Security.Unauthorized');
  },
  async batches(driver) {
    const session = driver.session({ fetchSize: 2 });
    const result = await session.run('UNWIND range(1, 5) AS n RETURN n');
    await session.close();
    const values = result.records.map((r) => r.get('n'));
    check(JSON.stringify(values) === '[1,2,3,4,5]', `records ${values}`);
    return { values };
  },
  async discard(driver) {
    const session = driver.session({ fetchSize: 2 });
    const summary = await session.run('UNWIND range(1, 5) AS n RETURN n').summary();
    await session.close();
    return { type: summary.queryType };
  },
  async 'failure-reset'(driver) {
    const session = driver.session();
    const failure = await expectFailure(() => session.run('RETURN 1 +'), 'Neo.ClientError.Statement.SyntaxError');
    const result = await session.run('RETURN 1 AS n');
    await session.close();
    check(result.records[0].get('n') === 1, 'good query after failure');
    return failure;
  },
  async bookmarks(driver) {
    const session = driver.session({ bookmarks: ['bm:1'] });
    const tx1 = await session.beginTransaction();
    const created = await tx1.run('CREATE (n)');
    await tx1.commit();
    check(created.summary.counters.updates().nodesCreated === 1, 'one node created');
    const tx2 = await session.beginTransaction();
    const counted = await tx2.run('MATCH (n) RETURN count(n) AS c');
    await tx2.commit();
    const bookmarks = session.lastBookmarks();
    await session.close();
    check(counted.records[0].get('c') === 1, 'count 1');
    check(JSON.stringify(bookmarks) === '["bm:3"]', `bookmarks ${bookmarks}`);
    return { bookmarks };
  },
  async rollback(driver) {
    const session = driver.session();
    const tx = await session.beginTransaction();
    await tx.run('CREATE (n)');
    await tx.rollback();
    await session.close();
    return {};
  },
  async 'rollback-open-result'(driver) {
    const session = driver.session({ fetchSize: 2 });
    const consumed = await session.beginTransaction();
    const all = await consumed.run('UNWIND range(1, 3) AS n RETURN n');
    await consumed.rollback();
    const open = await session.beginTransaction();
    open.run('UNWIND range(1, 5) AS n RETURN n');
    await open.rollback();
    await session.close();
    check(all.records.length === 3, `records ${all.records.length}`);
    return {};
  },
  async 'second-query-at-once'(driver) {
    const session = driver.session({ fetchSize: 2 });
    const tx = await session.beginTransaction();
    const xs = tx.run('UNWIND range(1, 3) AS x RETURN x');
    const ys = tx.run('RETURN 10 AS y');
    const y = (await ys).records.map((r) => r.get('y'));
    const x = (await xs).records.map((r) => r.get('x'));
    await tx.commit();
    await session.close();
    check(JSON.stringify(x) === '[1,2,3]' && JSON.stringify(y) === '[10]', `x ${x} y ${y}`);
    return { x, y };
  },
  async statuses(driver) {
    const session = driver.session();
    const { summary } = await session.run('MATCH (n:Unknown) RETURN n');
    await session.close();
    const [status, warning] = summary.gqlStatusObjects;
    const [notification] = summary.notifications;
    check(summary.gqlStatusObjects.length === 2 && status.gqlStatus === '02000', `statuses ${JSON.stringify(summary.gqlStatusObjects)}`);
    check(warning.gqlStatus === '01N50' && warning.severity === 'WARNING' && warning.classification === 'UNRECOGNIZED'
      && warning.position.offset === 9 && warning.isNotification, `warning ${JSON.stringify(warning)}`);
    check(summary.notifications.length === 1 && notification.code === 'Neo.ClientNotification.Statement.UnknownLabelWarning'
      && notification.title === 'The provided label is not in the database.' && notification.severityLevel === 'WARNING'
      && notification.category === 'UNRECOGNIZED' && notification.position.line === 1
      && notification.description.startsWith('One of the labels'), `notification ${JSON.stringify(notification)}`);
    return { gqlStatus: warning.gqlStatus };
  },
  async 'session-settings'(driver) {
    const session = driver.session({
      impersonatedUser: 'ann',
      fetchSize: 7,
      defaultAccessMode: neo4j.session.READ,
      notificationFilter: { minimumSeverityLevel: 'OFF' },
    });
    const one = await session.run('RETURN 1 AS n');
    const tx = await session.beginTransaction({ timeout: 2000 });
    const two = await tx.run('RETURN 2 AS n');
    await tx.commit();
    const bookmarks = session.lastBookmarks();
    await session.close();
    check(one.records[0].get('n') === 1 && two.records[0].get('n') === 2, 'n = 1, 2');
    check(JSON.stringify(bookmarks) === '["bm:ann"]', `bookmarks ${bookmarks}`);
    return {};
  },
  async 'shared-bookmarks'(driver) {
    const bookmarkManager = neo4j.bookmarkManager({ initialBookmarks: ['bm:1'] });
    const writer = driver.session({ bookmarkManager });
    const tx1 = await writer.beginTransaction();
    await tx1.run('CREATE (n)');
    await tx1.commit();
    await writer.close();
    const reader = driver.session({ bookmarkManager });
    const tx2 = await reader.beginTransaction();
    const counted = await tx2.run('MATCH (n) RETURN count(n) AS c');
    await tx2.commit();
    await reader.close();
    const held = await bookmarkManager.getBookmarks();
    check(counted.records[0].get('c') === 1, 'count 1');
    check(JSON.stringify(held) === '["bm:3"]', `held ${held}`);
    return { held };
  },
  async reauthentication(driver) {
    const values = [];
    for (const auth of [undefined, neo4j.auth.basic('ann', 'pw'), undefined]) {
      const session = driver.session({ auth });
      values.push((await session.run('RETURN 1 AS n')).records[0].get('n'));
      await session.close();
    }
    check(JSON.stringify(values) === '[1,1,1]', `values ${values}`);
    return { values };
  },
  async retry(driver) {
    const session = driver.session();
    let attempts = 0;
    const value = await session.executeWrite(async (tx) => {
      attempts += 1;
      const result = await tx.run('CREATE (n) RETURN 7 AS n');
      return result.records[0].get('n');
    });
    await session.close();
    check(value === 7 && attempts === 2, `value ${value} after ${attempts} attempts`);
    return { value, attempts };
  },
  async routing(driver) {
    const session = driver.session({ database: 'neo4j' });
    const names = await session.executeRead(async (tx) => (await tx.run('MATCH (n) RETURN n.name AS name')).records.map((r) => r.get('name')));
    await session.executeWrite(async (tx) => tx.run('CREATE (n)'));
    await session.close();
    check(JSON.stringify(names) === '["Ann"]', `names ${names}`);
    return { names };
  },
  async 'store-shape'(driver) {
    const session = driver.session({ database: 'movies' });
    const props = {
      released: neo4j.int(1999),
      rating: 8.7,
      tags: ['sci-fi', 'action'],
      premiere: new neo4j.types.Date(1999, 3, 31),
      sequel: null,
      seen: true,
    };
    const result = await session.executeWrite((tx) =>
      tx.run('MERGE (m:Movie {title: $title}) SET m += $props RETURN m', { title: 'The Matrix', props }));
    const bookmarks = session.lastBookmarks();
    await session.close();
    const movie = result.records[0].get('m');
    check(movie.elementId === '4:movies:1' && movie.properties.title === 'The Matrix', `movie ${JSON.stringify(movie)}`);
    check(result.summary.counters.updates().nodesCreated === 1, 'one node created');
    check(JSON.stringify(bookmarks) === '["bm:movies:1"]', `bookmarks ${bookmarks}`);
    return { elementId: movie.elementId };
  },
  async 'home-database'(driver) {
    const first = driver.session();
    const names = await first.executeRead(async (tx) => (await tx.run('MATCH (n) RETURN n.name AS name')).records.map((r) => r.get('name')));
    await first.executeWrite(async (tx) => tx.run('CREATE (n)'));
    await first.close();
    const second = driver.session();
    const result = await second.run('RETURN 2 AS n');
    await second.close();
    check(JSON.stringify(names) === '["Ann"]', `names ${names}`);
    check(result.records[0].get('n') === 2, 'n = 2');
    return { names };
  },
  async 'impersonated-routing'(driver) {
    const session = driver.session({ impersonatedUser: 'ann' });
    const names = await session.executeRead(async (tx) => (await tx.run('MATCH (n) RETURN n.name AS name')).records.map((r) => r.get('name')));
    await session.close();
    check(JSON.stringify(names) === '["Ann"]', `names ${names}`);
    return { names };
  },
  async 'not-a-leader'(driver) {
    const session = driver.session({ database: 'neo4j' });
    await session.executeWrite(async (tx) => tx.run('CREATE (n)'));
    await session.close();
    return {};
  },
};

// Scenarios that need driver-wide settings name them here.
const driverSettings = {
  'session-settings': { notificationFilter: { minimumSeverityLevel: 'WARNING', disabledClassifications: ['HINT'] } },
};
const driver = neo4j.driver(uri, auth, { ...config, ...(driverSettings[name] ?? {}) });
try {
  const scenario = scenarios[name];
  if (!scenario) throw new Error(`unknown scenario ${name}`);
  const outcome = await scenario(driver);
  console.log(JSON.stringify({ ok: true, ...outcome }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: String(error.stack ?? error) }));
  process.exitCode = 1;
} finally {
  await driver.close();
}
