using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Questions;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Application.Scripts;

/// <summary>
/// The style rules in force: the built-in defaults per locale and channel, replaced for a pair when
/// an Admin saved rules for it (Settings key <see cref="SettingKey"/>, a JSON object keyed
/// "locale/channel"). The personal-data check uses the workspace's redactor, custom patterns included.
/// </summary>
public sealed class StyleRuleSettings(PuoDbContext db)
{
    public const string SettingKey = "Scripts:StyleRules";

    private static readonly JsonSerializerOptions Json = ScriptJson.Options;
    private Dictionary<string, StyleRules>? _overrides;
    private PiiRedactor? _redactor;

    public async Task<StyleRules> ForAsync(string locale, string channel, CancellationToken ct = default)
    {
        var overrides = await OverridesAsync(ct);
        return overrides.TryGetValue(Key(locale, channel), out var rules) ? rules : StyleRuleDefaults.For(locale, channel);
    }

    /// <summary>Every locale and channel with its rules and whether an Admin changed them.</summary>
    public async Task<IReadOnlyList<(string Locale, string Channel, StyleRules Rules, bool Customised)>> ListAsync(CancellationToken ct = default)
    {
        var overrides = await OverridesAsync(ct);
        return ScriptLocales.All.SelectMany(l => ScriptChannels.All.Select(c =>
            overrides.TryGetValue(Key(l, c), out var r) ? (l, c, r, true) : (l, c, StyleRuleDefaults.For(l, c), false))).ToList();
    }

    public async Task<PiiRedactor> RedactorAsync(CancellationToken ct = default)
    {
        if (_redactor is not null) return _redactor;
        var patterns = await new PiiPatternStore(db).GetAsync(ct);
        return _redactor = patterns.Count == 0 ? PiiRedactor.Default : new PiiRedactor(patterns);
    }

    /// <summary>Admins only. <paramref name="rules"/> null restores the defaults for that pair. Audited.</summary>
    public async Task SaveAsync(string locale, string channel, StyleRules? rules, Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Admin)) throw new ForbiddenException(CodedMessage.Of(ScriptRefusal.OnlyAdminStyleRules));
        if (ScriptInputRules.LocaleProblem(locale) is { } badLocale) throw new ValidationException("locale", badLocale);
        if (ScriptInputRules.ChannelProblem(channel) is { } badChannel) throw new ValidationException("channel", badChannel);
        if (rules is not null && rules.Validate() is { Count: > 0 } problems)
            throw ValidationException.Of("rules", problems);

        var overrides = new Dictionary<string, StyleRules>(await OverridesAsync(ct), StringComparer.Ordinal);
        if (rules is null) overrides.Remove(Key(locale, channel));
        else overrides[Key(locale, channel)] = rules;

        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == SettingKey, ct);
        if (setting is null) db.Settings.Add(setting = new Setting { Key = SettingKey });
        setting.Value = JsonSerializer.Serialize(overrides, Json);
        setting.UpdatedAt = DateTime.UtcNow;
        setting.UpdatedById = actor.UserId;
        db.AuditLog.Add(ScriptAudit.Entry(actor, rules is null ? "scripts.rules.reset" : "scripts.rules.save", "Setting", SettingKey, CodedMessage.Of(AuditDetail.StyleRules, locale, channel)));
        await db.SaveChangesAsync(ct);
        _overrides = overrides;
    }

    private async Task<Dictionary<string, StyleRules>> OverridesAsync(CancellationToken ct)
    {
        if (_overrides is not null) return _overrides;
        var value = await db.Settings.AsNoTracking().Where(s => s.Key == SettingKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(value)) return _overrides = new(StringComparer.Ordinal);
        try
        {
            return _overrides = new(JsonSerializer.Deserialize<Dictionary<string, StyleRules>>(value, Json) ?? [], StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Setting '{SettingKey}' is not a JSON object of style rules by \"locale/channel\": {ex.Message}", ex);
        }
    }

    private static string Key(string locale, string channel) => $"{locale}/{channel}";
}
