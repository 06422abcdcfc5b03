using System.Buffers;
using System.Buffers.Binary;

namespace FilmGraph.Bolt.Protocol;

/// <summary>
/// Growable outgoing byte buffer that also frames messages into Bolt chunks: a message is encoded
/// between <see cref="BeginMessage"/> and <see cref="EndMessage"/> and split there, so encoders
/// never think about chunk boundaries.
/// </summary>
internal sealed class WriteBuffer
{
    internal const int MaxChunkSize = 65_535;

    private byte[] _buffer;
    private int _length;
    private int _messageStart = -1;

    public WriteBuffer(int initialCapacity = 8192) => _buffer = new byte[initialCapacity];

    public int Length => _length;

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    public Span<byte> GetSpan(int size)
    {
        if (_length + size > _buffer.Length)
        {
            Grow(size);
        }
        return _buffer.AsSpan(_length, size);
    }

    public void Advance(int count) => _length += count;

    public void WriteByte(byte value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }
        _buffer[_length++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        _length += bytes.Length;
    }

    public void Clear()
    {
        _length = 0;
        _messageStart = -1;
        if (_buffer.Length > 1 << 20)
        {
            // One huge parameter must not pin a huge array for the connection's whole life.
            _buffer = new byte[8192];
        }
    }

    public void BeginMessage()
    {
        if (_messageStart >= 0)
        {
            throw new InvalidOperationException("A message is already being written.");
        }
        _messageStart = _length;
        GetSpan(2);
        _length += 2;
    }

    /// <summary>Drops a message that failed to encode, so nothing half-written is ever sent.</summary>
    public void AbandonMessage()
    {
        if (_messageStart >= 0)
        {
            _length = _messageStart;
            _messageStart = -1;
        }
    }

    public void EndMessage()
    {
        var bodyStart = _messageStart + 2;
        var bodyLength = _length - bodyStart;
        if (bodyLength <= MaxChunkSize)
        {
            BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(_messageStart), (ushort)bodyLength);
        }
        else
        {
            var body = ArrayPool<byte>.Shared.Rent(bodyLength);
            try
            {
                _buffer.AsSpan(bodyStart, bodyLength).CopyTo(body);
                _length = _messageStart;
                for (var offset = 0; offset < bodyLength; offset += MaxChunkSize)
                {
                    var size = Math.Min(MaxChunkSize, bodyLength - offset);
                    BinaryPrimitives.WriteUInt16BigEndian(GetSpan(2), (ushort)size);
                    _length += 2;
                    Write(body.AsSpan(offset, size));
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(body);
            }
        }
        GetSpan(2).Clear();
        _length += 2;
        _messageStart = -1;
    }

    private void Grow(int needed)
    {
        var size = Math.Max(_buffer.Length * 2, _length + needed);
        Array.Resize(ref _buffer, size);
    }
}
