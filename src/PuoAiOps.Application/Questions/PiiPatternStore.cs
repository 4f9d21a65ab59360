using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// Admin-defined PII patterns, kept as a JSON list of <c>{"name": …, "pattern": …}</c> in the
/// Settings table under <see cref="SettingKey"/>. Saving validates every pattern first, so a pattern
/// that does not compile never reaches the importer.
/// </summary>
public sealed class PiiPatternStore(PuoDbContext db, ILogger<PiiPatternStore>? logger = null)
{
    public const string SettingKey = "Pii:CustomPatterns";
    public const int MaxPatterns = 50;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ILogger _logger = logger ?? NullLogger<PiiPatternStore>.Instance;

    public async Task<IReadOnlyList<CustomPiiPattern>> GetAsync(CancellationToken ct = default)
    {
        var setting = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == SettingKey, ct);
        if (setting is null || string.IsNullOrWhiteSpace(setting.Value)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<CustomPiiPattern>>(setting.Value, Json) ?? [];
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Setting '{SettingKey}' is not a JSON list of {{name, pattern}} objects: {ex.Message}", ex);
        }
    }

    /// <summary>Validates and stores the list (replacing the previous one); throws <see cref="InvalidPiiPatternException"/> listing every problem.</summary>
    public async Task SaveAsync(IReadOnlyList<CustomPiiPattern> patterns, string? actorId, string actorName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        if (patterns.Count > MaxPatterns)
            throw new InvalidPiiPatternException([new PiiPatternError("", "", CodedMessage.Of(PiiPatternProblem.TooManyPatterns, MaxPatterns))]);
        var errors = PiiRedactor.Validate(patterns);
        if (errors.Count > 0) throw new InvalidPiiPatternException(errors);

        var value = JsonSerializer.Serialize(patterns, Json);
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == SettingKey, ct);
        if (setting is null) db.Settings.Add(setting = new Setting { Key = SettingKey });
        setting.Value = value;
        setting.UpdatedAt = DateTime.UtcNow;
        setting.UpdatedById = actorId;
        db.AuditLog.Add(new AuditEntry
        {
            ActorId = actorId,
            ActorName = actorName,
            Action = "pii.patterns-updated",
            EntityType = "Setting",
            EntityId = SettingKey,
        }.WithDetail(AuditDetail.PiiPatterns, patterns.Count, string.Join(", ", patterns.Select(p => CustomPiiPattern.MarkerName(p.Name)))));
        await db.SaveChangesAsync(ct);
        ImportLog.PatternsUpdated(_logger, patterns.Count);
    }

    /// <summary>A redactor with the built-in detectors and the stored patterns.</summary>
    public async Task<PiiRedactor> CreateRedactorAsync(CancellationToken ct = default)
    {
        var patterns = await GetAsync(ct);
        return patterns.Count == 0 ? PiiRedactor.Default : new PiiRedactor(patterns);
    }
}
