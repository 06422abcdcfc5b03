using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FilmGraph.Bolt.Peer;
using FilmGraph.Bolt.Tests.Scripts;
using static FilmGraph.Bolt.Tests.Scripts.Scripts;

namespace FilmGraph.Bolt.Tests.Connection;

public class TlsTests
{
    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // SslStream on Linux needs the key in a loadable form, not only in the ephemeral handle.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }

    [Fact]
    public async Task Ssc_scheme_accepts_a_self_signed_certificate()
    {
        using var certificate = SelfSigned();
        await using var peer = ScriptedPeer.StartTls(certificate, Run);
        await using (var driver = ScriptedConversationTests.Driver(peer.Uri("bolt+ssc")))
        await using (var session = driver.Session())
        {
            Assert.Equal(1L, (await (await session.RunAsync("RETURN 1 AS n")).SingleAsync())["n"]);
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task S_scheme_refuses_a_certificate_the_system_does_not_trust()
    {
        using var certificate = SelfSigned();
        await using var peer = ScriptedPeer.StartTls(certificate, Run);
        await using var driver = ScriptedConversationTests.Driver(peer.Uri("bolt+s"));
        var error = await Assert.ThrowsAsync<BoltServiceUnavailableException>(() => driver.VerifyConnectivityAsync());
        Assert.Contains("TLS", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Js_driver_accepts_the_same_self_signed_peer()
    {
        JsDriver.SkipIfUnavailable();
        using var certificate = SelfSigned();
        await using var peer = ScriptedPeer.StartTls(certificate, Run);
        await JsDriver.RunAsync("run", peer.Uri("bolt+ssc"));
        await peer.AssertCompletedAsync();
    }
}
