using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Demo.Storage;

/// <summary>
/// Inserts many rows with multi-row INSERT statements inside the caller's transaction. Column names,
/// value converters (enums as text, JSON lists, GUIDs) and parameter types come from the EF model,
/// so rows look exactly as if EF had written them, on SQLite and PostgreSQL alike, without the cost
/// of tracking the demo's ~100,000 entities.
/// </summary>
internal sealed class DemoBulkWriter(PuoDbContext db, DbTransaction transaction)
{
    // PostgreSQL: large statements amortise network round trips (the limit is 65,535 parameters).
    // SQLite runs in-process, and Microsoft.Data.Sqlite looks each named parameter up by a linear
    // search on every execution, so small prepared statements are much faster there (a full demo seed
    // went from 27 s with 250-row statements to 11 s with 16-row ones on the same loaded machine).
    private readonly bool _postgres = db.Database.IsNpgsql();
    private int MaxParametersPerStatement => _postgres ? 4_000 : 200;
    private int MaxRowsPerStatement => _postgres ? 250 : 16;

    private sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping);

    // Tables whose generated keys were written explicitly; PostgreSQL identity sequences must catch up.
    private readonly List<IEntityType> _explicitKeys = [];

    public async Task<int> InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return 0;
        var entityType = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the model.");
        var columns = entityType.GetProperties()
            .Select(p => new Column(p.GetColumnName(), p, (RelationalTypeMapping)p.GetTypeMapping()))
            .ToList();
        var table = Quote(entityType.GetTableName()!);
        if (entityType.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] && key.ClrType != typeof(string))
            _explicitKeys.Add(entityType);
        var rowsPerStatement = Math.Clamp(MaxParametersPerStatement / columns.Count, 1, MaxRowsPerStatement);

        DbCommand? full = null;
        try
        {
            for (var offset = 0; offset < rows.Count; offset += rowsPerStatement)
            {
                var count = Math.Min(rowsPerStatement, rows.Count - offset);
                var command = count == rowsPerStatement ? full ??= Create(table, columns, count) : Create(table, columns, count);
                Bind(command, columns, rows, offset, count);
                await command.ExecuteNonQueryAsync(ct);
                if (command != full) await command.DisposeAsync();
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
        }
        return rows.Count;
    }

    /// <summary>
    /// PostgreSQL identity columns do not advance when ids are given explicitly, so each written table's
    /// sequence is moved past its largest id; SQLite's AUTOINCREMENT does this by itself.
    /// </summary>
    public async Task SyncIdentitySequencesAsync(CancellationToken ct)
    {
        if (!_postgres) return;
        foreach (var entityType in _explicitKeys)
        {
            var table = Quote(entityType.GetTableName()!);
            var column = entityType.FindPrimaryKey()!.Properties[0].GetColumnName();
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), (SELECT MAX({Quote(column)}) FROM {table}));";
            await command.ExecuteScalarAsync(ct);
        }
    }

    private DbCommand Create(string table, List<Column> columns, int rowCount)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 300;
        var sql = new StringBuilder($"INSERT INTO {table} (");
        sql.AppendJoin(", ", columns.Select(c => Quote(c.Name))).Append(") VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"@p{r * columns.Count + c}";
                sql.Append(c == 0 ? name : ", " + name);
                command.Parameters.Add(columns[c].Mapping.CreateParameter(command, name, null, columns[c].Property.IsNullable));
            }
            sql.Append(')');
        }
        command.CommandText = sql.Append(';').ToString();
        return command;
    }

    private static void Bind<T>(DbCommand command, List<Column> columns, IReadOnlyList<T> rows, int offset, int count) where T : class
    {
        for (var r = 0; r < count; r++)
        {
            var row = rows[offset + r];
            for (var c = 0; c < columns.Count; c++)
            {
                var column = columns[c];
                var value = column.Property.GetGetter().GetClrValue(row);
                if (value is not null && column.Mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
                command.Parameters[r * columns.Count + c].Value = value ?? DBNull.Value;
            }
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
