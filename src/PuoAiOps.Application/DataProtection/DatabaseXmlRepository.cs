using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Secrets;

namespace PuoAiOps.Application.DataProtection;

/// <summary>
/// Keeps the data-protection key ring (which signs auth and antiforgery cookies) in the Settings
/// table, so every instance behind a load balancer shares it and restarts keep people signed in.
/// Each key is sealed with the workspace key (<see cref="WorkspaceSecrets"/>), which is not in the
/// database: a copy of the database alone cannot mint cookies. The framework calls it from a
/// singleton, so each call opens its own scope (and DbContext).
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes, WorkspaceSecrets secrets) : IXmlRepository
{
    public const string KeyPrefix = WorkspaceSecrets.DataProtectionKeyPrefix;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
        return db.Settings.AsNoTracking()
            .Where(s => s.Key.StartsWith(KeyPrefix))
            .OrderBy(s => s.Key)
            .Select(s => new { s.Key, s.Value })
            .AsEnumerable()
            .Select(s => XElement.Parse(secrets.Open(s.Key, s.Value)))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
        var key = KeyPrefix + friendlyName;
        db.Settings.Add(new Setting
        {
            Key = key,
            Value = secrets.Seal(key, element.ToString(SaveOptions.DisableFormatting)),
            UpdatedAt = DateTime.UtcNow,
        });
        db.SaveChanges();
    }
}
