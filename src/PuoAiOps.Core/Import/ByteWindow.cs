using System.Security.Cryptography;

namespace PuoAiOps.Core.Import;

/// <summary>
/// A sliding window over a stream: callers look at the unread bytes, consume a prefix, and ask for
/// more. The buffer grows only up to a fixed maximum, so memory stays flat whatever the file size.
/// Also hashes every byte read (SHA-256) and enforces the file-size limit.
/// </summary>
internal sealed class ByteWindow : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxSize;
    private readonly long _maxFileBytes;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] _buffer;
    private int _start;
    private int _end;

    public ByteWindow(Stream stream, int initialSize, int maxSize, long maxFileBytes)
    {
        _stream = stream;
        _maxSize = Math.Max(initialSize, maxSize);
        _maxFileBytes = maxFileBytes;
        _buffer = new byte[initialSize];
    }

    public ReadOnlySpan<byte> Unread => _buffer.AsSpan(_start, _end - _start);

    public int UnreadCount => _end - _start;

    public bool IsEndOfStream { get; private set; }

    public long TotalRead { get; private set; }

    /// <summary>True when the window cannot hold more unread bytes.</summary>
    public bool IsFull => _end - _start >= _maxSize;

    public void Consume(int count) => _start += count;

    /// <summary>Reads more bytes after the unread ones; false when the stream has ended and nothing was added.</summary>
    public async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        if (IsEndOfStream) return false;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _maxSize) return false;
            Array.Resize(ref _buffer, Math.Min(_maxSize, _buffer.Length * 2));
        }
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), ct);
        if (read == 0)
        {
            IsEndOfStream = true;
            return false;
        }
        _hash.AppendData(_buffer, _end, read);
        _end += read;
        TotalRead += read;
        if (_maxFileBytes > 0 && TotalRead > _maxFileBytes) throw ImportLimitExceededException.FileTooLarge(_maxFileBytes, null);
        return true;
    }

    /// <summary>Hex SHA-256 of everything read so far (the whole file once the stream has ended).</summary>
    public string HashHex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public void Dispose() => _hash.Dispose();
}
