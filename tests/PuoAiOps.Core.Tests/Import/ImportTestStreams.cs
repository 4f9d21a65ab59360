using System.Text;
using PuoAiOps.Core.Import;

namespace PuoAiOps.Core.Tests.Import;

internal static class ImportTestStreams
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static async Task<List<ParsedRow>> ReadAllAsync(byte[] bytes, string fileName = "q.csv", QuestionParserOptions? options = null, int chunk = 0)
    {
        Stream stream = chunk > 0 ? new TrickleStream(bytes, chunk) : new MemoryStream(bytes);
        using var reader = await QuestionFileReader.OpenAsync(stream, fileName, options ?? new QuestionParserOptions());
        var rows = new List<ParsedRow>();
        while (await reader.ReadAsync() is { } row) rows.Add(row);
        return rows;
    }

    /// <summary>Returns at most <c>chunk</c> bytes per read, to exercise every buffer boundary.</summary>
    public sealed class TrickleStream(byte[] data, int chunk) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, chunk), data.Length - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Produces <c>rows</c> CSV rows on the fly, so a test can stream far more than it could hold.</summary>
    public sealed class GeneratedCsvStream(int rows) : Stream
    {
        private readonly byte[] _header = Encoding.UTF8.GetBytes("text,external_id\n");
        private byte[] _pending = [];
        private int _pendingPos;
        private int _next = -1;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var total = 0;
            while (total < count)
            {
                if (_pendingPos == _pending.Length)
                {
                    if (_next >= rows) break;
                    _pending = _next < 0 ? _header : Encoding.UTF8.GetBytes($"\"question number {_next}, about gifts and coins\",ext-{_next}\n");
                    _pendingPos = 0;
                    _next++;
                }
                var n = Math.Min(count - total, _pending.Length - _pendingPos);
                Array.Copy(_pending, _pendingPos, buffer, offset + total, n);
                _pendingPos += n;
                total += n;
            }
            return total;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var array = new byte[buffer.Length];
            var n = Read(array, 0, array.Length);
            array.AsSpan(0, n).CopyTo(buffer.Span);
            return ValueTask.FromResult(n);
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
