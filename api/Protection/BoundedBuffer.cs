namespace FilmGraph.Api.Protection;

/// <summary>
/// The response body, held until it is whole so that one too large is never half sent: writing past
/// <see cref="Limit"/> throws <see cref="ResponseTooLargeException"/>, and the memory a response may take is that limit.
/// </summary>
public sealed class BoundedBuffer(int limit) : MemoryStream
{
    public int Limit { get; } = limit;

    private void Check(int count)
    {
        if (Length + count > Limit) throw new ResponseTooLargeException(Limit);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Check(count);
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Check(buffer.Length);
        base.Write(buffer);
    }

    public override void WriteByte(byte value)
    {
        Check(1);
        base.WriteByte(value);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct)
    {
        Check(count);
        return base.WriteAsync(buffer, offset, count, ct);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        Check(buffer.Length);
        return base.WriteAsync(buffer, ct);
    }
}
