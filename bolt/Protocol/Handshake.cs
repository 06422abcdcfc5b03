using System.Buffers.Binary;

namespace FilmGraph.Bolt.Protocol;

/// <summary>
/// The bytes of the Bolt handshake and the choice of version. Kept free of I/O so that the
/// negotiation rules can be tested on their own; <see cref="BoltConnection"/> moves the bytes.
/// </summary>
internal static class Handshake
{
    public const uint Magic = 0x6060B017;
    public const uint ManifestV1 = 0x000001FF;
    public const uint NoVersion = 0;
    public const uint Http = 0x48545450; // "HTTP"
    public const int MaxManifestEntries = 64;

    /// <summary>
    /// Versions this client speaks, newest first. Every version <see cref="ClientHello"/> offers must be here: a
    /// server may pick any of them. 5.5 is 5.4 plus GQL statuses (whose description it names
    /// <c>status_description</c>), as the official drivers speak it.
    /// </summary>
    public static readonly BoltVersion[] Supported =
    [
        BoltVersion.V6_0,
        new(5, 8), new(5, 7), new(5, 6), BoltVersion.V5_5, new(5, 4), new(5, 3), new(5, 2), new(5, 1), new(5, 0),
        BoltVersion.V4_4,
    ];

    /// <summary>
    /// Magic, then four slots: manifest v1 (the only way to reach 6.0), 5.8 down to 5.0,
    /// 4.4, and an empty slot. Servers that predate the manifest skip the slot they do not know.
    /// </summary>
    public static byte[] ClientHello()
    {
        var bytes = new byte[20];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, Magic);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), ManifestV1);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), Slot(new BoltVersion(5, 8), 8));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(12), Slot(BoltVersion.V4_4, 0));
        return bytes;
    }

    /// <summary>The versions the four slots of <see cref="ClientHello"/> offer, newest first (6.0 goes through the manifest).</summary>
    public static IEnumerable<BoltVersion> OfferedInSlots()
    {
        var hello = ClientHello();
        for (var offset = 4; offset < hello.Length; offset += 4)
        {
            var slot = BinaryPrimitives.ReadUInt32BigEndian(hello.AsSpan(offset));
            if (slot is not ManifestV1 and not NoVersion)
            {
                foreach (var version in Expand(slot))
                {
                    yield return version;
                }
            }
        }
    }

    /// <summary>A version slot: [reserved, range, minor, major]; it covers major.minor down to major.(minor-range).</summary>
    public static uint Slot(BoltVersion version, int range) =>
        (uint)((range & 0xFF) << 16 | (version.Minor & 0xFF) << 8 | (version.Major & 0xFF));

    public static IEnumerable<BoltVersion> Expand(uint slot)
    {
        var major = (int)(slot & 0xFF);
        var minor = (int)(slot >> 8 & 0xFF);
        var range = (int)(slot >> 16 & 0xFF);
        for (var m = minor; m >= Math.Max(0, minor - range); m--)
        {
            yield return new BoltVersion(major, m);
        }
    }

    /// <summary>What this client offers, newest first: 6.0 through the manifest, then the slots' versions.</summary>
    public static IReadOnlyList<string> Offered() =>
        [$"{BoltVersion.V6_0} (manifest)", .. OfferedInSlots().Select(v => v.ToString())];

    /// <summary>Reads the server's 4-byte answer to the slots (not the manifest case).</summary>
    public static BoltVersion AcceptLegacy(uint answer)
    {
        switch (answer)
        {
            case NoVersion:
                throw new BoltVersionMismatchException(
                    $"The server answered the handshake with 0x00000000: it accepts none of the Bolt versions this client offers ({string.Join(", ", Offered())}).",
                    Offered(), "0x00000000");
            case Http:
                throw new BoltProtocolException(
                    "The server answered with HTTP: the URI probably names the HTTP port (usually 7474) instead of the Bolt port (usually 7687).");
        }
        var version = new BoltVersion((int)(answer & 0xFF), (int)(answer >> 8 & 0xFF));
        if (answer >> 16 != 0 || Array.IndexOf(Supported, version) < 0 || version == BoltVersion.V6_0)
        {
            throw new BoltProtocolException(
                $"The server chose Bolt {version} (0x{answer:X8}), which this client did not offer (it offers {string.Join(", ", Offered())}).");
        }
        return version;
    }

    /// <summary>The error for a manifest that lists no version this client speaks.</summary>
    public static BoltVersionMismatchException NoneInManifest(IEnumerable<uint> offered)
    {
        var listed = string.Join(", ", offered.SelectMany(Expand));
        return new BoltVersionMismatchException(
            $"The server offers Bolt {(listed.Length > 0 ? listed : "(nothing)")} in its handshake manifest; this client speaks none of them (it offers {string.Join(", ", Offered())}).",
            Offered(), listed);
    }

    /// <summary>Picks the newest version that the manifest lists and this client speaks, or null.</summary>
    public static BoltVersion? ChooseFromManifest(IEnumerable<uint> offered)
    {
        BoltVersion? best = null;
        foreach (var slot in offered)
        {
            foreach (var version in Expand(slot))
            {
                if (Array.IndexOf(Supported, version) >= 0 && (best is null || version > best.Value))
                {
                    best = version;
                }
            }
        }
        return best;
    }

    public static uint Encode(BoltVersion version) => Slot(version, 0);

    /// <summary>Unsigned LEB128, as the manifest uses for counts and capability masks.</summary>
    public static void WriteVarInt(List<byte> output, ulong value)
    {
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            output.Add(value != 0 ? (byte)(b | 0x80) : b);
        }
        while (value != 0);
    }
}
