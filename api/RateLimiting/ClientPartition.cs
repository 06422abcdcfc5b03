using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace FilmGraph.Api.RateLimiting;

/// <summary>
/// Whose budget a request spends: an API key's (<c>Authorization: Bearer KEY</c>), known only by the first 128 bits
/// of its SHA-256 so that the limiter never holds a key, or else the remote address's (IPv4 whole, IPv6 by its /64).
/// A value type, so that picking the partition allocates nothing.
/// </summary>
internal readonly record struct ClientPartition(ClientPartition.Kinds Kind, UInt128 Id)
{
    internal enum Kinds : byte
    {
        /// <summary>No key and no remote address (an in-process server): one shared budget.</summary>
        Unknown,
        Key,
        Address,
    }

    private const int StackLimit = 256;

    public static ClientPartition Of(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization;
        if (authorization.Count == 1 && BearerKey(authorization[0]) is { IsEmpty: false } key) return new(Kinds.Key, Hash(key));
        return http.Connection.RemoteIpAddress is { } address ? new(Kinds.Address, Bits(address)) : new(Kinds.Unknown, 0);
    }

    private static ReadOnlySpan<char> BearerKey(string? header)
    {
        var value = header.AsSpan().Trim();
        const string scheme = "Bearer ";
        return value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? value[scheme.Length..].Trim() : default;
    }

    private static UInt128 Hash(ReadOnlySpan<char> key)
    {
        var length = Encoding.UTF8.GetMaxByteCount(key.Length);
        var rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        var utf8 = rented ?? stackalloc byte[StackLimit];
        try
        {
            var written = Encoding.UTF8.GetBytes(key, utf8);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(utf8[..written], digest);
            return BinaryPrimitives.ReadUInt128LittleEndian(digest);
        }
        finally
        {
            // The key's bytes are not left behind in a pooled array.
            utf8.Clear();
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The address as IPv6 bits: IPv4 as ::ffff:a.b.c.d, like the IPv4-mapped form a dual-stack socket reports.</summary>
    private static UInt128 Bits(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            bytes[10] = 0xff;
            bytes[11] = 0xff;
            address.TryWriteBytes(bytes[12..], out _);
        }
        else
        {
            address.TryWriteBytes(bytes, out _);
            // One host, or one customer of a provider, usually holds a whole /64 and can pick any address in it.
            if (!address.IsIPv4MappedToIPv6) bytes[8..].Clear();
        }
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }
}
