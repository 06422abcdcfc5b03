using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt.Tests.Connection;

public class HandshakeAndConfigTests
{
    [Fact]
    public void Client_hello_is_magic_manifest_5_8_to_5_0_and_4_4()
    {
        Assert.Equal("6060B017" + "000001FF" + "00080805" + "00000404" + "00000000", Convert.ToHexString(Handshake.ClientHello()));
    }

    [Fact]
    public void A_slot_range_expands_downwards()
    {
        Assert.Equal(["5.8", "5.7", "5.6", "5.5", "5.4", "5.3", "5.2", "5.1", "5.0"], Handshake.Expand(0x00080805).Select(v => v.ToString()));
    }

    [Fact]
    public void Every_version_offered_is_a_version_supported()
    {
        var offered = Handshake.OfferedInSlots().ToList();
        Assert.Equal(["5.8", "5.7", "5.6", "5.5", "5.4", "5.3", "5.2", "5.1", "5.0", "4.4"], offered.Select(v => v.ToString()));
        Assert.All(offered, version => Assert.Contains(version, Handshake.Supported));
        // And each of them is accepted when the server picks it.
        Assert.All(offered, version => Assert.Equal(version, Handshake.AcceptLegacy(Handshake.Encode(version))));
    }

    [Fact]
    public void Manifest_choice_is_the_newest_common_version()
    {
        Assert.Equal(new BoltVersion(6, 0), Handshake.ChooseFromManifest([0x00000006, 0x00080805]));
        Assert.Equal(new BoltVersion(5, 5), Handshake.ChooseFromManifest([0x00000505, 0x00000405]));
        Assert.Null(Handshake.ChooseFromManifest([0x00000007, 0x00000003]));
    }

    [Fact]
    public void Legacy_answers_are_checked()
    {
        Assert.Equal(BoltVersion.V4_4, Handshake.AcceptLegacy(0x00000404));
        var none = Assert.Throws<BoltVersionMismatchException>(() => Handshake.AcceptLegacy(0));
        Assert.False(none.IsRetryable);
        Assert.Contains("HTTP port", Assert.Throws<BoltProtocolException>(() => Handshake.AcceptLegacy(Handshake.Http)).Message, StringComparison.Ordinal);
        Assert.Throws<BoltProtocolException>(() => Handshake.AcceptLegacy(0x00000006)); // 6.0 needs the manifest
        Assert.Throws<BoltProtocolException>(() => Handshake.AcceptLegacy(0x00000003));
    }

    [Fact]
    public void Varints_are_unsigned_leb128()
    {
        var bytes = new List<byte>();
        Handshake.WriteVarInt(bytes, 0);
        Handshake.WriteVarInt(bytes, 127);
        Handshake.WriteVarInt(bytes, 300);
        Assert.Equal("007FAC02", Convert.ToHexString(bytes.ToArray()));
    }

    [Theory]
    [InlineData("bolt://db.example:7777", false, "db.example:7777")]
    [InlineData("bolt+s://db.example", false, "db.example:7687")]
    [InlineData("bolt+ssc://db.example", false, "db.example:7687")]
    [InlineData("neo4j://db.example?region=eu", true, "db.example:7687")]
    [InlineData("neo4j+s://db.example:7688", true, "db.example:7688")]
    [InlineData("neo4j+ssc://[::1]:7688", true, "[::1]:7688")]
    public async Task Uri_schemes_select_routing_and_tls(string uri, bool routing, string address)
    {
        await using var driver = BoltDriver.Create(uri, BoltAuth.None());
        Assert.Equal(routing, driver.IsRouting);
        Assert.Equal(address, driver.Address.ToString());
    }

    [Theory]
    [InlineData("http://db.example")]
    [InlineData("bolt://db.example?region=eu")]
    public void Bad_uris_are_refused(string uri)
    {
        Assert.Throws<ArgumentException>(() => BoltDriver.Create(uri, BoltAuth.None()));
    }

    [Fact]
    public void Server_addresses_parse_with_and_without_port()
    {
        Assert.Equal(new ServerAddress("a", 1), ServerAddress.Parse("a:1"));
        Assert.Equal(new ServerAddress("a", 7687), ServerAddress.Parse("a"));
        Assert.Equal(new ServerAddress("::1", 9), ServerAddress.Parse("[::1]:9"));
    }

    [Fact]
    public void Auth_tokens_have_the_documented_shape_and_never_print_secrets()
    {
        Assert.Equal(["scheme", "principal", "credentials"], BoltAuth.Basic("u", "p").Token.Keys);
        Assert.Equal("bearer", BoltAuth.Bearer("t").Token["scheme"]);
        Assert.Equal("none", BoltAuth.None().Scheme);
        Assert.DoesNotContain("p4ss", BoltAuth.Basic("u", "p4ss").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_configures_uri_credentials_and_database()
    {
        var names = new[] { "NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE" };
        var saved = names.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable("NEO4J_URI", "neo4j://graph.example:7690");
            Environment.SetEnvironmentVariable("NEO4J_USERNAME", "reader");
            Environment.SetEnvironmentVariable("NEO4J_PASSWORD", "pw");
            Environment.SetEnvironmentVariable("NEO4J_DATABASE", "movies");
            await using var driver = BoltDriver.FromEnvironment();
            Assert.True(driver.IsRouting);
            Assert.Equal(7690, driver.Uri.Port);
            Assert.Equal("movies", driver.Options.Database);
            await using var session = driver.Session();
            Assert.Equal("movies", session.Database);
            Assert.Equal("other", driver.Session("other").Database);
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    [Fact]
    public void Environment_without_uri_is_an_error()
    {
        var saved = Environment.GetEnvironmentVariable("NEO4J_URI");
        try
        {
            Environment.SetEnvironmentVariable("NEO4J_URI", null);
            Assert.Throws<InvalidOperationException>(() => BoltDriver.FromEnvironment());
        }
        finally
        {
            Environment.SetEnvironmentVariable("NEO4J_URI", saved);
        }
    }

    [Fact]
    public void Write_buffer_splits_large_messages_into_maximal_chunks()
    {
        var buffer = new WriteBuffer();
        buffer.BeginMessage();
        buffer.Write(new byte[WriteBuffer.MaxChunkSize + 10]);
        buffer.EndMessage();
        var bytes = buffer.Written.ToArray();
        Assert.Equal(2 + WriteBuffer.MaxChunkSize + 2 + 10 + 2, bytes.Length);
        Assert.Equal("FFFF", Convert.ToHexString(bytes, 0, 2));
        Assert.Equal("000A", Convert.ToHexString(bytes, 2 + WriteBuffer.MaxChunkSize, 2));
        Assert.Equal("0000", Convert.ToHexString(bytes, bytes.Length - 2, 2));
    }

    [Fact]
    public void Write_buffer_frames_an_exact_chunk_without_an_empty_one()
    {
        var buffer = new WriteBuffer();
        buffer.BeginMessage();
        buffer.Write(new byte[WriteBuffer.MaxChunkSize]);
        buffer.EndMessage();
        Assert.Equal(2 + WriteBuffer.MaxChunkSize + 2, buffer.Written.Length);
    }

    [Fact]
    public void Records_read_by_key_and_index_and_convert_integers()
    {
        var record = new BoltRecord(new RecordKeys(["title", "released"]), ["The Matrix", 1999L]);
        Assert.Equal("The Matrix", record["title"]);
        Assert.Equal(1999L, record[1]);
        Assert.Equal(1999, record.Get<int>("released"));
        Assert.Equal((int?)1999, record.Get<int?>("released"));
        Assert.Throws<KeyNotFoundException>(() => record["missing"]);
        Assert.Throws<InvalidCastException>(() => record.Get<byte>("released"));
        Assert.Equal(2, record.ToDictionary().Count);
    }
}
