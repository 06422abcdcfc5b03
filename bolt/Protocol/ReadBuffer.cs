using System.Buffers.Binary;

namespace FilmGraph.Bolt.Protocol;

/// <summary>
/// Incoming bytes from the socket. <see cref="EnsureAsync"/> returns at once when the bytes are
/// already buffered and only otherwise goes to the socket, through the owning connection, which
/// applies the timeout and cancellation and tears itself down on failure.
/// </summary>
internal sealed class ReadBuffer(BoltConnection owner, int capacity)
{
    private readonly byte[] _buffer = new byte[capacity];
    private int _position;
    private int _end;

    public int Available => _end - _position;

    public ValueTask EnsureAsync(int count, CancellationToken ct) =>
        Available >= count ? default : FillAsync(count, ct);

    private async ValueTask FillAsync(int count, CancellationToken ct)
    {
        if (count > _buffer.Length)
        {
            throw new InvalidOperationException($"Cannot buffer {count} bytes in a {_buffer.Length}-byte read buffer.");
        }
        if (Available == 0)
        {
            // Everything was consumed: start over at the front so each socket read gets the whole buffer.
            _position = _end = 0;
        }
        else if (_position + count > _buffer.Length)
        {
            Buffer.BlockCopy(_buffer, _position, _buffer, 0, Available);
            _end = Available;
            _position = 0;
        }
        while (Available < count)
        {
            _end += await owner.ReceiveAsync(_buffer.AsMemory(_end), ct).ConfigureAwait(false);
        }
    }

    public ReadOnlySpan<byte> Peek(int count) => _buffer.AsSpan(_position, count);

    public ReadOnlySpan<byte> Take(int count)
    {
        var span = _buffer.AsSpan(_position, count);
        _position += count;
        return span;
    }

    public ushort TakeUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public uint TakeUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public void Skip(int count) => _position += count;
}
