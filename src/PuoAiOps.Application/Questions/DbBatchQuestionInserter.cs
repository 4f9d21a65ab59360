using System.Data;
using System.Data.Common;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// For server databases (PostgreSQL): the same INSERT, sent <see cref="RowsPerRoundTrip"/> rows at a
/// time as one ADO.NET <see cref="DbBatch"/>, so a million rows cost thousands of network round
/// trips instead of a million. Each command's RecordsAffected still tells stored from duplicate.
/// </summary>
internal sealed class DbBatchQuestionInserter : IQuestionInserter
{
    public const int RowsPerRoundTrip = 200;

    private readonly DbConnection _connection;
    private readonly DatabaseProvider _provider;
    private readonly long _runId;
    private readonly DateTime _importedAt;
    private readonly List<int> _held = new(RowsPerRoundTrip);
    private PackedBatch? _batch;
    private DbTransaction? _transaction;

    public DbBatchQuestionInserter(DbConnection connection, DatabaseProvider provider, long runId, DateTime importedAt)
    {
        _connection = connection;
        _provider = provider;
        _runId = runId;
        _importedAt = importedAt;
    }

    public void Begin(DbTransaction transaction) => _transaction = transaction;

    public async ValueTask<int> InsertAsync(PackedBatch batch, int row, CancellationToken ct)
    {
        // Rows are held back by index: the batch stays unchanged until the writer commits, which flushes first.
        _batch = batch;
        _held.Add(row);
        return _held.Count == RowsPerRoundTrip ? await SendAsync(ct) : 0;
    }

    public async ValueTask<int> FlushAsync(CancellationToken ct) => _held.Count == 0 ? 0 : await SendAsync(ct);

    public ValueTask DisposeAsync()
    {
        _held.Clear();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A fresh batch per round trip: Npgsql 10.0.0 fails ("Missing type info or binding info") when a
    /// batch is executed a second time with new values, and the allocation is small next to the network.
    /// </summary>
    private async Task<int> SendAsync(CancellationToken ct)
    {
        await using var batch = CreateBatch(_held.Count);
        batch.Transaction = _transaction;
        for (var i = 0; i < _held.Count; i++)
            DbCommandQuestionInserter.SetValues(batch.BatchCommands[i].Parameters, _batch!, _held[i]);
        _held.Clear();
        await batch.ExecuteNonQueryAsync(ct);
        var stored = 0;
        foreach (DbBatchCommand command in batch.BatchCommands) stored += command.RecordsAffected;
        return stored;
    }

    private DbBatch CreateBatch(int rows)
    {
        var batch = _connection.CreateBatch();
        for (var r = 0; r < rows; r++)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = DbCommandQuestionInserter.Sql;
            Add(command, "@externalId", DbType.String);
            Add(command, "@text", DbType.String);
            Add(command, "@textHash", DbType.String);
            Add(command, "@userRef", DbType.String);
            Add(command, "@channel", DbType.String);
            Add(command, "@locale", DbType.String);
            Add(command, "@source", DbType.String);
            Add(command, "@createdAt", _provider == DatabaseProvider.Postgres ? DbType.DateTimeOffset : null);
            Add(command, "@importedAt", _provider == DatabaseProvider.Postgres ? DbType.DateTimeOffset : null).Value = _importedAt;
            Add(command, "@runId", DbType.Int64).Value = _runId;
            batch.BatchCommands.Add(command);
        }
        return batch;
    }

    private static DbParameter Add(DbBatchCommand command, string name, DbType? type)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        if (type is { } t) p.DbType = t;
        p.Value = DBNull.Value;
        command.Parameters.Add(p);
        return p;
    }
}
