using System.Data;
using System.Data.Common;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Questions;

/// <summary>Inserts one prepared question; returns 1 when stored, 0 when the unique "TextHash" index already had it.</summary>
internal interface IQuestionInserter : IAsyncDisposable
{
    void Begin(DbTransaction transaction);

    ValueTask<int> InsertAsync(PreparedQuestion question, CancellationToken ct);
}

/// <summary>
/// The portable path (PostgreSQL, and any ADO.NET provider): one prepared parameterised INSERT.
/// <c>ON CONFLICT ("TextHash") DO NOTHING</c> is valid on SQLite and PostgreSQL alike.
/// </summary>
internal sealed class DbCommandQuestionInserter : IQuestionInserter
{
    public const string Sql =
        """
        INSERT INTO "Questions" ("ExternalId", "Text", "TextHash", "UserRef", "Channel", "Locale", "Source",
            "CreatedAt", "ImportedAt", "ImportRunId", "FinalOutOfScope", "IsDemo")
        VALUES (@externalId, @text, @textHash, @userRef, @channel, @locale, @source, @createdAt, @importedAt, @runId, FALSE, FALSE)
        ON CONFLICT ("TextHash") DO NOTHING
        """;

    private readonly DbCommand _insert;
    private readonly DbParameter[] _p;
    private bool _prepared;

    public DbCommandQuestionInserter(DbConnection connection, DatabaseProvider provider, long runId, DateTime importedAt)
    {
        _insert = connection.CreateCommand();
        _insert.CommandText = Sql;
        _p =
        [
            Add("@externalId", DbType.String), Add("@text", DbType.String), Add("@textHash", DbType.String),
            Add("@userRef", DbType.String), Add("@channel", DbType.String), Add("@locale", DbType.String),
            Add("@source", DbType.String), AddDate("@createdAt", provider), AddDate("@importedAt", provider), Add("@runId", DbType.Int64),
        ];
        _p[8].Value = importedAt;
        _p[9].Value = runId;
    }

    public void Begin(DbTransaction transaction)
    {
        _insert.Transaction = transaction;
        if (_prepared) return;
        _insert.Prepare();
        _prepared = true;
    }

    public async ValueTask<int> InsertAsync(PreparedQuestion q, CancellationToken ct)
    {
        _p[0].Value = (object?)q.ExternalId ?? DBNull.Value;
        _p[1].Value = q.Text;
        _p[2].Value = q.TextHash;
        _p[3].Value = (object?)q.UserRef ?? DBNull.Value;
        _p[4].Value = (object?)q.Channel ?? DBNull.Value;
        _p[5].Value = (object?)q.Locale ?? DBNull.Value;
        _p[6].Value = (object?)q.Source ?? DBNull.Value;
        _p[7].Value = q.CreatedAt;
        return await _insert.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        _insert.Transaction = null;
        await _insert.DisposeAsync();
    }

    private DbParameter Add(string name, DbType type)
    {
        var p = _insert.CreateParameter();
        p.ParameterName = name;
        p.DbType = type;
        p.Value = DBNull.Value;
        _insert.Parameters.Add(p);
        return p;
    }

    /// <summary>
    /// SQLite stores DateTime as EF does ("yyyy-MM-dd HH:mm:ss.FFFFFFF") when the type is left to the
    /// value; PostgreSQL needs timestamptz, which Npgsql picks for DbType.DateTimeOffset with UTC values.
    /// </summary>
    private DbParameter AddDate(string name, DatabaseProvider provider)
    {
        var p = _insert.CreateParameter();
        p.ParameterName = name;
        if (provider == DatabaseProvider.Postgres) p.DbType = DbType.DateTimeOffset;
        p.Value = DateTime.UnixEpoch;
        _insert.Parameters.Add(p);
        return p;
    }
}
