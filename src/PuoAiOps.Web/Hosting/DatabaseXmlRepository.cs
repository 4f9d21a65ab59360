using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Hosting;

/// <summary>
/// Keeps the data-protection key ring (which signs auth and antiforgery cookies) in the Settings
/// table, so every instance behind a load balancer shares it and restarts keep people signed in.
/// Only key material lives here; the database already holds everything these cookies protect.
/// </summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public const string KeyPrefix = "dataprotection:key:";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
        return db.Settings.AsNoTracking()
            .Where(s => s.Key.StartsWith(KeyPrefix))
            .OrderBy(s => s.Key)
            .Select(s => s.Value)
            .AsEnumerable()
            .Select(XElement.Parse)
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
        db.Settings.Add(new Setting
        {
            Key = KeyPrefix + friendlyName,
            Value = element.ToString(SaveOptions.DisableFormatting),
            UpdatedAt = DateTime.UtcNow,
        });
        db.SaveChanges();
    }
}
