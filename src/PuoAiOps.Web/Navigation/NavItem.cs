namespace PuoAiOps.Web.Navigation;

/// <summary>
/// One entry of the left navigation. <see cref="Policy"/> must be the policy of the page at
/// <see cref="Href"/> (a test checks this), so people only see the pages they may open.
/// </summary>
/// <param name="Title">Label in the navigation.</param>
/// <param name="Href">Path of the page, without a trailing slash.</param>
/// <param name="Icon">Bootstrap Icons class, e.g. <c>bi-diagram-3</c>.</param>
/// <param name="Policy">One of <see cref="Auth.Policies"/>.</param>
/// <param name="Section">Heading the entry is grouped under.</param>
/// <param name="Summary">One sentence saying what the page is for (home page cards, empty states).</param>
public sealed record NavItem(string Title, string Href, string Icon, string Policy, string Section, string Summary)
{
    /// <summary>Whether <paramref name="path"/> is this page or one below it.</summary>
    public bool Matches(string path) =>
        Href == "/" ? path == "/" : path.Equals(Href, StringComparison.OrdinalIgnoreCase) ||
                                    path.StartsWith(Href + "/", StringComparison.OrdinalIgnoreCase);
}
