using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Profile;

/// <summary>
/// Why the profile service refuses (<see cref="CodedMessage"/>), worded by the console from <c>ProfileText</c>.
/// Field rules are <see cref="ProfileError"/> values the page words itself.
/// </summary>
public enum ProfileRefusal
{
    [English("User {0} does not exist.")] UserMissing,
}
