using Microsoft.AspNetCore.Identity;

namespace PuoAiOps.Application.Persistence.Entities;

/// <summary>A console user. Roles come from ASP.NET Core Identity (see <see cref="Roles"/>).</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public bool IsDemo { get; set; }

    /// <summary>The console language the user picked (<c>en</c>, <c>zh-CN</c>); null follows the browser.</summary>
    public string? PreferredCulture { get; set; }
}
