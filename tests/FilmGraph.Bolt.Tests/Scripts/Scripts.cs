namespace FilmGraph.Bolt.Tests.Scripts;

/// <summary>
/// Stub scripts shared by this library's tests and the official JavaScript driver's run of the
/// same scenario. Client lines are written so that either driver's way of pipelining fits them.
/// </summary>
internal static class Scripts
{
    public const string User = "neo4j";
    public const string Password = "secret";

    public static string Greeting(string version = "5.4", string? routing = null) => $$"""
        !: BOLT {{version}}
        !: AUTO RESET
        C: HELLO {"user_agent": "*", {{(routing is null ? "" : $"\"routing\": {{\"address\": \"{routing}\"}}, ")}}"...": "*"}
        S: SUCCESS {"server": "Neo4j/5.26.0", "connection_id": "bolt-1"}
        C: LOGON {"scheme": "basic", "principal": "{{User}}", "credentials": "{{Password}}"}
        S: SUCCESS {}
        """;

    public const string Goodbye = "?: GOODBYE";

    /// <summary>
    /// A FAILURE for the RUN just received: a client that pipelined PULL gets IGNORED for it, and
    /// then resets the connection.
    /// </summary>
    public static string FailAndReset(string failure, bool resetRequired = true) => "\n" + $$"""
        S: FAILURE {{failure}}
        {?
        C: PULL {"n": 1000}
        S: IGNORED
        ?}
        {{(resetRequired ? "" : "{?")}}
        C: RESET
        S: SUCCESS {}
        {{(resetRequired ? "" : "?}")}}
        """ + "\n";

    private const string FirstBatchOfFive = """
        C: RUN "UNWIND range(1, 5) AS n RETURN n" {} {}
        S: SUCCESS {"fields": ["n"]}
        C: PULL {"n": 2}
        S: RECORD [1]
        S: RECORD [2]
        S: SUCCESS {"has_more": true}
        """;

    public static string ReturnOne(string extra = "{}") => $$"""
        C: RUN "RETURN 1 AS n" {} {{extra}}
        S: SUCCESS {"fields": ["n"], "t_first": 2}
        C: PULL {"n": 1000}
        S: RECORD [1]
           SUCCESS {"type": "r", "t_last": 1, "db": "neo4j"}
        """.Replace("   SUCCESS", "S: SUCCESS", StringComparison.Ordinal);

    public static readonly string Run = Greeting() + "\n" + ReturnOne() + "\n" + Goodbye;

    /// <summary>A server that picks 5.5 from the slots' range.</summary>
    public static readonly string Run55 = Greeting("5.5") + "\n" + ReturnOne() + "\n" + Goodbye;

    /// <summary>Bolt 4.4 has no LOGON: the credentials ride in HELLO.</summary>
    public static readonly string Run44 = $$"""
        !: BOLT 4.4
        !: AUTO RESET
        C: HELLO {"user_agent": "*", "scheme": "basic", "principal": "{{User}}", "credentials": "{{Password}}", "...": "*"}
        S: SUCCESS {"server": "Neo4j/4.4.30", "connection_id": "bolt-1"}
        {{ReturnOne()}}
        {{Goodbye}}
        """;

    /// <summary>Bolt 6.0 can only be reached through the manifest.</summary>
    public static readonly string RunManifest = Greeting().Replace("!: BOLT 5.4", "!: MANIFEST 6.0 5.8 5.4", StringComparison.Ordinal) + "\n" + ReturnOne() + "\n" + Goodbye;

    public const string NoVersion = "!: BOLT 1.0";

    /// <summary>The server picks Bolt 9.0, which neither this client nor the JavaScript driver offers.</summary>
    public const string RefusedVersion = "!: HANDSHAKE 00000009";

    /// <summary>The manifest lists only versions the client does not speak; the client answers 0.0.</summary>
    public const string ManifestWithoutCommonVersion = "!: MANIFEST 7.0 3.5";

    /// <summary>Every way a handshake ends without a version agreed.</summary>
    public static readonly TheoryData<string> FailedHandshakes = new(NoVersion, RefusedVersion, ManifestWithoutCommonVersion);

    /// <summary>What the peer notes when a client sends anything after a handshake that agreed no version.</summary>
    public const string SentAfterFailedHandshake = "<SENT AFTER A FAILED HANDSHAKE";

    /// <summary>"HTTP/1.1 400 Bad Request" — what the HTTP port answers to the Bolt preamble.</summary>
    public const string Http = "!: HANDSHAKE 485454502F312E312034303020426164205265717565737420";

    public static readonly string AuthFailure = """
        !: BOLT 5.4
        !: AUTO RESET
        C: HELLO {"user_agent": "*", "...": "*"}
        S: SUCCESS {"server": "Neo4j/5.26.0", "connection_id": "bolt-1"}
        C: LOGON {"scheme": "basic", "principal": "neo4j", "credentials": "secret"}
        S: FAILURE {"code": "Neo.ClientError.Security.Unauthorized", "message": "The client is unauthorized due to authentication failure."}
        ?: GOODBYE
        """;

    public static readonly string Batches = Greeting() + "\n" + FirstBatchOfFive + """

        C: PULL {"n": 2}
        S: <NOOP>
        S: RECORD [3]
        S: RECORD [4]
        S: SUCCESS {"has_more": true}
        C: PULL {"n": 2}
        S: RECORD [5]
        S: SUCCESS {"type": "r"}
        ?: GOODBYE
        """;

    public static readonly string Discard = Greeting() + "\n" + FirstBatchOfFive + """

        C: DISCARD {"n": -1}
        S: SUCCESS {"type": "r"}
        ?: GOODBYE
        """;

    public static readonly string FailureThenReset = Greeting() + """

        C: RUN "RETURN 1 +" {} {}
        """ + FailAndReset("""{"code": "Neo.ClientError.Statement.SyntaxError", "message": "Invalid input: expected an expression"}""") + "\n" + ReturnOne() + "\n" + Goodbye;

    /// <summary>Bookmarks passed on from one transaction to the next: by one session, or by two that share a bookmark manager.</summary>
    public static readonly string Bookmarks = Greeting() + """

        C: BEGIN {"bookmarks": ["bm:1"]}
        S: SUCCESS {}
        C: RUN "CREATE (n)" {} {}
        S: SUCCESS {"fields": []}
        C: PULL {"n": 1000}
        S: SUCCESS {"type": "w", "stats": {"nodes-created": 1, "contains-updates": true}}
        C: COMMIT
        S: SUCCESS {"bookmark": "bm:2"}
        C: BEGIN {"bookmarks": ["bm:2"]}
        S: SUCCESS {}
        C: RUN "MATCH (n) RETURN count(n) AS c" {} {}
        S: SUCCESS {"fields": ["c"]}
        C: PULL {"n": 1000}
        S: RECORD [1]
        S: SUCCESS {"type": "r"}
        C: COMMIT
        S: SUCCESS {"bookmark": "bm:3"}
        ?: GOODBYE
        """;

    public static readonly string Rollback = Greeting() + """

        C: BEGIN {}
        S: SUCCESS {}
        C: RUN "CREATE (n)" {} {}
        S: SUCCESS {"fields": []}
        C: PULL {"n": 1000}
        S: SUCCESS {"type": "w"}
        C: ROLLBACK
        S: SUCCESS {}
        ?: GOODBYE
        """;

    /// <summary>
    /// Rolling back with a result still open. The first transaction's result was read to its end: ROLLBACK at
    /// once. The second's was not: the server still holds records, so DISCARD comes before ROLLBACK.
    /// </summary>
    public static readonly string RollbackWithOpenResult = Greeting() + """

        C: BEGIN {}
        S: SUCCESS {}
        C: RUN "UNWIND range(1, 3) AS n RETURN n" {} {}
        S: SUCCESS {"fields": ["n"], "qid": 0}
        C: PULL {"n": 2}
        S: RECORD [1]
        S: RECORD [2]
        S: SUCCESS {"has_more": true}
        C: PULL {"n": 2, "qid": 0}
        S: RECORD [3]
        S: SUCCESS {"type": "r"}
        C: ROLLBACK
        S: SUCCESS {}
        C: BEGIN {}
        S: SUCCESS {}
        C: RUN "UNWIND range(1, 5) AS n RETURN n" {} {}
        S: SUCCESS {"fields": ["n"], "qid": 0}
        C: PULL {"n": 2}
        S: RECORD [1]
        S: RECORD [2]
        S: SUCCESS {"has_more": true}
        C: DISCARD {"n": -1, "qid": 0}
        S: SUCCESS {"type": "r"}
        C: ROLLBACK
        S: SUCCESS {}
        ?: GOODBYE
        """;

    /// <summary>
    /// Two queries in one transaction: the second RUN goes out while the first result still has records on the
    /// server, and the first result's next batch is pulled (by its qid) only when it is read, after the second.
    /// </summary>
    public static readonly string SecondQueryAtOnce = Greeting() + """

        C: BEGIN {}
        S: SUCCESS {}
        C: RUN "UNWIND range(1, 3) AS x RETURN x" {} {}
        S: SUCCESS {"fields": ["x"], "qid": 0}
        C: PULL {"n": 2}
        S: RECORD [1]
        S: RECORD [2]
        S: SUCCESS {"has_more": true}
        C: RUN "RETURN 10 AS y" {} {}
        S: SUCCESS {"fields": ["y"], "qid": 1}
        C: PULL {"n": 2}
        S: RECORD [10]
        S: SUCCESS {"type": "r"}
        C: PULL {"n": 2, "qid": 0}
        S: RECORD [3]
        S: SUCCESS {"type": "r"}
        C: COMMIT
        S: SUCCESS {"bookmark": "bm:two-queries"}
        ?: GOODBYE
        """;

    /// <summary>Bolt 5.6: the summary carries GQL statuses, one of them a notification, and no "notifications".</summary>
    public static readonly string Statuses56 = Greeting("5.6") + """

        C: RUN "MATCH (n:Unknown) RETURN n" {} {}
        S: SUCCESS {"fields": ["n"]}
        C: PULL {"n": 1000}
        S: SUCCESS {"type": "r", "statuses": [{"gql_status": "02000", "status_description": "note: no data", "diagnostic_record": {"OPERATION": "", "OPERATION_CODE": "0", "CURRENT_SCHEMA": "/"}}, {"gql_status": "01N50", "status_description": "warn: label does not exist. The label `Unknown` does not exist in database `neo4j`.", "neo4j_code": "Neo.ClientNotification.Statement.UnknownLabelWarning", "title": "The provided label is not in the database.", "description": "One of the labels in your query is not available in the database (the missing label name is: Unknown)", "diagnostic_record": {"OPERATION": "", "OPERATION_CODE": "0", "CURRENT_SCHEMA": "/", "_severity": "WARNING", "_classification": "UNRECOGNIZED", "_position": {"offset": 9, "line": 1, "column": 10}}}]}
        ?: GOODBYE
        """;

    /// <summary>
    /// Driver-wide notification filters in HELLO (their category key until 5.5, classification key after), and a
    /// session's own settings: impersonation, fetch size, its filters and its default (read) mode in RUN and BEGIN.
    /// </summary>
    public static string SessionSettings(string version) => $$"""
        !: BOLT {{version}}
        !: AUTO RESET
        C: HELLO {"user_agent": "*", "notifications_minimum_severity": "WARNING", "{{(version == "5.4" ? "notifications_disabled_categories" : "notifications_disabled_classifications")}}": ["HINT"], "...": "*"}
        S: SUCCESS {"server": "Neo4j/5.26.0", "connection_id": "bolt-1"}
        C: LOGON {"scheme": "basic", "principal": "{{User}}", "credentials": "{{Password}}"}
        S: SUCCESS {}
        C: RUN "RETURN 1 AS n" {} {"mode": "r", "imp_user": "ann", "notifications_minimum_severity": "OFF"}
        S: SUCCESS {"fields": ["n"]}
        C: PULL {"n": 7}
        S: RECORD [1]
        S: SUCCESS {"type": "r"}
        C: BEGIN {"mode": "r", "imp_user": "ann", "notifications_minimum_severity": "OFF", "tx_timeout": 2000}
        S: SUCCESS {}
        C: RUN "RETURN 2 AS n" {} {}
        S: SUCCESS {"fields": ["n"]}
        C: PULL {"n": 7}
        S: RECORD [2]
        S: SUCCESS {"type": "r"}
        C: COMMIT
        S: SUCCESS {"bookmark": "bm:ann"}
        {{Goodbye}}
        """;

    /// <summary>
    /// Re-authentication on one open connection (Bolt 5.1+): the driver's user, then a session of ann's own
    /// (LOGOFF, LOGON as ann), then the driver's user again.
    /// </summary>
    public static readonly string Reauthentication = Greeting() + "\n" + ReturnOne() + $$"""

        C: LOGOFF
        S: SUCCESS {}
        C: LOGON {"scheme": "basic", "principal": "ann", "credentials": "pw"}
        S: SUCCESS {}
        {{ReturnOne()}}
        C: LOGOFF
        S: SUCCESS {}
        C: LOGON {"scheme": "basic", "principal": "{{User}}", "credentials": "{{Password}}"}
        S: SUCCESS {}
        {{ReturnOne()}}
        {{Goodbye}}
        """;

    private const string CreateReturnSeven = """
        C: BEGIN {}
        S: SUCCESS {}
        C: RUN "CREATE (n) RETURN 7 AS n" {} {}
        S: SUCCESS {"fields": ["n"]}
        C: PULL {"n": 1000}
        """;

    /// <summary>First connection: the server vanishes mid-stream.</summary>
    public static readonly string CutMidStream = Greeting() + "\n" + CreateReturnSeven + """

        S: <RAW> "0004B1719101"
        S: <EXIT>
        """;

    /// <summary>Second connection: the retried transaction succeeds.</summary>
    public static readonly string RetrySucceeds = Greeting() + "\n" + CreateReturnSeven + """

        S: RECORD [7]
        S: SUCCESS {"type": "rw"}
        C: COMMIT
        S: SUCCESS {"bookmark": "bm:after-retry"}
        ?: GOODBYE
        """;

    public static string Table(string router, string reader, string writer, int ttl = 300, string db = "neo4j") =>
        $$$"""{"rt": {"ttl": {{{ttl}}}, "db": "{{{db}}}", "servers": [{"addresses": ["{{{router}}}"], "role": "ROUTE"}, {"addresses": ["{{{reader}}}"], "role": "READ"}, {"addresses": ["{{{writer}}}"], "role": "WRITE"}]}}""";

    public static string Router(string self, params string[] tables) =>
        Greeting(routing: self) + "\n" + string.Join("\n", tables.Select(table => $$"""
            C: ROUTE {"address": "{{self}}"} [] {"db": "neo4j"}
            S: SUCCESS {{table}}
            """)) + "\n" + Goodbye;

    /// <summary>
    /// A router asked for the default database: its table names the home database, "neo4j". A driver that does not
    /// cache the home database (the JavaScript one on Bolt 5.4) asks again for the next session.
    /// </summary>
    public static string HomeRouter(string self, string table) => Greeting(routing: self) + $$"""

        C: ROUTE {"address": "{{self}}"} [] {}
        S: SUCCESS {{table}}
        {*
        C: ROUTE {"address": "{{self}}"} "*" "*"
        S: SUCCESS {{table}}
        *}
        {{Goodbye}}
        """;

    /// <summary>The writer of <see cref="HomeRouter"/>: the first session's write, then a second session's query, each naming the home database.</summary>
    public static string HomeWriter(string router) => Writer(router, "\"bookmarks\": [\"bm:read\"], ").Replace(Goodbye, "", StringComparison.Ordinal) + """

        C: RUN "RETURN 2 AS n" {} {"db": "neo4j"}
        S: SUCCESS {"fields": ["n"]}
        C: PULL {"n": 1000}
        S: RECORD [2]
        S: SUCCESS {"type": "r", "bookmark": "bm:second"}
        ?: GOODBYE
        """;

    /// <summary>A router asked for an impersonated user's default database: the table is ann's, her home database "movies".</summary>
    public static string ImpersonatingRouter(string self, string table) => Greeting(routing: self) + $$"""

        C: ROUTE {"address": "{{self}}"} [] {"imp_user": "ann"}
        S: SUCCESS {{table}}
        {*
        C: ROUTE {"address": "{{self}}"} "*" "*"
        S: SUCCESS {{table}}
        *}
        {{Goodbye}}
        """;

    public static string ImpersonatedReader(string router) => Reader(router)
        .Replace("""C: BEGIN {"mode": "r", "db": "neo4j"}""", """C: BEGIN {"mode": "r", "db": "movies", "imp_user": "ann"}""", StringComparison.Ordinal);

    public static string Reader(string router) => Greeting(routing: router) + """

        C: BEGIN {"mode": "r", "db": "neo4j"}
        S: SUCCESS {}
        C: RUN "MATCH (n) RETURN n.name AS name" {} {}
        S: SUCCESS {"fields": ["name"]}
        C: PULL {"n": 1000}
        S: RECORD ["Ann"]
        S: SUCCESS {"type": "r"}
        C: COMMIT
        S: SUCCESS {"bookmark": "bm:read"}
        ?: GOODBYE
        """;

    /// <summary>A transaction that creates a node and commits, BEGIN with these extras, COMMIT answered with this bookmark.</summary>
    public static string CreateAndCommit(string beginExtra, string bookmark) => $$"""
        C: BEGIN {{beginExtra}}
        S: SUCCESS {}
        C: RUN "CREATE (n)" {} {}
        S: SUCCESS {"fields": []}
        C: PULL {"n": 1000}
        S: SUCCESS {"type": "w"}
        C: COMMIT
        S: SUCCESS {"bookmark": "{{bookmark}}"}
        """;

    public static string Writer(string router, string bookmarks = "") =>
        Greeting(routing: router) + "\n" + CreateAndCommit($$"""{{{bookmarks}}"db": "neo4j"}""", "bm:write") + "\n" + Goodbye;

    public static string NotALeader(string router) => Greeting(routing: router) + """

        C: BEGIN {"db": "neo4j"}
        S: SUCCESS {}
        C: RUN "CREATE (n)" {} {}
        """ + FailAndReset("""{"code": "Neo.ClientError.Cluster.NotALeader", "message": "No write operations are allowed on this database."}""", resetRequired: false) + "\n" + Goodbye;

    /// <summary>Any number of queries on any number of connections; each answer echoes the caller's parameter.</summary>
    public static readonly string Echo = Greeting() + """

        {*
        C: RUN "RETURN $i AS i" {"i": "*"} {}
        S: SUCCESS {"fields": ["i"]}
        C: PULL {"n": 1000}
        S: RECORD ["$param.i"]
        S: SUCCESS {"type": "r"}
        *}
        ?: GOODBYE
        """;

    /// <summary>The call the Neo4j store makes: a managed write with plain .NET (or JavaScript) values as parameters.</summary>
    public static readonly string StoreShape = Greeting() + """

        C: BEGIN {"db": "movies"}
        S: SUCCESS {}
        C: RUN "MERGE (m:Movie {title: $title}) SET m += $props RETURN m" {"title": "The Matrix", "props": {"released": 1999, "rating": 8.7, "tags": ["sci-fi", "action"], "premiere": {"#struct": [68, 10681]}, "sequel": null, "seen": true}} {}
        S: SUCCESS {"fields": ["m"]}
        C: PULL {"n": 1000}
        S: RECORD [{"#struct": [78, 1, ["Movie"], {"title": "The Matrix"}, "4:movies:1"]}]
        S: SUCCESS {"type": "rw", "stats": {"nodes-created": 1, "properties-set": 6, "labels-added": 1}}
        C: COMMIT
        S: SUCCESS {"bookmark": "bm:movies:1"}
        ?: GOODBYE
        """;
}
