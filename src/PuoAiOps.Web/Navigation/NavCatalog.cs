using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using PuoAiOps.Web.Auth;

namespace PuoAiOps.Web.Navigation;

/// <summary>
/// The console's navigation, in display order. To add a page: create the component with
/// <c>@page</c> and <c>@attribute [Authorize(Policy = ...)]</c>, then add its entry here.
/// </summary>
public static class NavCatalog
{
    public const string Annotation = "Annotation";
    public const string Content = "Content";
    public const string Insights = "Insights";
    public const string Administration = "Administration";

    public static readonly NavItem Home = new("Overview", "/", "bi-house", Policies.SignedIn, "",
        "Your starting point: what you can do here and the state of the workspace.");

    public static readonly IReadOnlyList<NavItem> Items =
    [
        Home,
        new("Annotate", "/annotate", "bi-ui-checks", Policies.AnnotationArea, Annotation,
            "Label the intent of real user questions from your queues; reviewers settle disagreements."),
        new("Taxonomy", "/taxonomy", "bi-diagram-3", Policies.ContentArea, Content,
            "The intent tree: domains, intents and the changes proposed to them."),
        new("Questions", "/questions", "bi-chat-left-quote", Policies.Curate, Content,
            "Import real user questions (redacted before they are stored) and browse them by label, source and locale."),
        new("Classifier", "/classifier", "bi-cpu", Policies.ContentArea, Content,
            "Train the intent classifier on adjudicated labels, compare versions, promote one."),
        new("Reply scripts", "/scripts", "bi-chat-square-text", Policies.ContentArea, Content,
            "The standard reply for each intent and locale, with versions and approvals."),
        new("Knowledge base", "/knowledge", "bi-journal-text", Policies.KnowledgeArea, Content,
            "SOP and FAQ documents the bot retrieves answers from."),
        new("Bot playground", "/playground", "bi-robot", Policies.ContentArea, Content,
            "Ask the bot a question and see how it classified, retrieved and answered."),
        new("Conversations", "/conversations", "bi-chat-dots", Policies.InsightsArea, Insights,
            "Redacted bot conversations with their outcome, feedback and grades."),
        new("Dashboards", "/dashboards", "bi-speedometer2", Policies.InsightsArea, Insights,
            "Accuracy, resolution and reuse rates over time, per intent, locale and channel."),
        new("Grading", "/grading", "bi-check2-square", Policies.Review, Insights,
            "Grade a stratified sample of bot answers, keyboard first; agreement and the LLM judge beside it."),
        new("Reports", "/reports", "bi-file-earmark-bar-graph", Policies.InsightsArea, Insights,
            "Periodic review reports, stamped with the version of the metric definitions."),
        new("Escalations", "/escalations", "bi-flag", Policies.InsightsArea, Insights,
            "Conversations handed to human agents, and why."),
        new("Admin", "/admin", "bi-shield-lock", Policies.Admin, Administration,
            "Users and roles, the audit log, API keys and workspace settings."),
    ];

    /// <summary>The entries <paramref name="user"/> may open, in display order.</summary>
    public static async Task<List<NavItem>> VisibleToAsync(ClaimsPrincipal user, IAuthorizationService authorization)
    {
        var visible = new List<NavItem>();
        foreach (var item in Items)
            if ((await authorization.AuthorizeAsync(user, item.Policy)).Succeeded)
                visible.Add(item);
        return visible;
    }

    /// <summary>The entry whose page contains <paramref name="path"/> (the longest match).</summary>
    public static NavItem? ForPath(string path) =>
        Items.Where(i => i.Matches(path)).MaxBy(i => i.Href.Length);
}
