using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Annotation;

/// <summary>A person who can be given a batch to label.</summary>
public sealed record AnnotatorChoice(string Id, string DisplayName, string? Email);

/// <summary>What the new-batch form offers: the question sources with their sizes, and the annotators.</summary>
public sealed class BatchChoices(PuoDbContext db, UserManager<AppUser> users)
{
    /// <summary>Each importer source with its number of questions, largest first.</summary>
    public async Task<IReadOnlyList<(string Source, int Count)>> SourcesAsync(CancellationToken ct = default)
    {
        var sources = await db.Questions.AsNoTracking().Where(q => q.Source != null)
            .GroupBy(q => q.Source!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return sources.OrderByDescending(s => s.Count).Select(s => (s.Key, s.Count)).ToList();
    }

    /// <summary>Active users with the Annotator role, by name; demo users (who cannot sign in) are left out.</summary>
    public async Task<IReadOnlyList<AnnotatorChoice>> AnnotatorsAsync() =>
        (await users.GetUsersInRoleAsync(Roles.Annotator))
            .Where(u => !u.IsDisabled && !u.IsDemo).OrderBy(u => u.DisplayName, StringComparer.CurrentCulture)
            .Select(u => new AnnotatorChoice(u.Id, u.DisplayName, u.Email)).ToList();
}
