using Microsoft.AspNetCore.Authorization;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Auth;

/// <summary>
/// Authorization policy names. Every page and endpoint names exactly one of these (deny by default).
/// The five role policies grant one role; Admin satisfies every policy. The three area policies
/// open a whole console area to the roles that work in it (for pages several roles share).
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in, enabled user (home page, own profile, sign-out).</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Label assigned items (Annotator).</summary>
    public const string Annotate = "Annotate";

    /// <summary>Edit taxonomy drafts, reply scripts, SOP documents; import data (Curator).</summary>
    public const string Curate = "Curate";

    /// <summary>Adjudicate, grade answers, approve scripts and taxonomy changes (Reviewer).</summary>
    public const string Review = "Review";

    /// <summary>Read dashboards, reports, redacted conversations (Viewer).</summary>
    public const string View = "View";

    /// <summary>Users, roles, API keys, settings, audit log, model promotion (Admin).</summary>
    public const string Admin = "Admin";

    /// <summary>Annotation area: annotators label, curators and reviewers set up batches, reviewers adjudicate.</summary>
    public const string AnnotationArea = "AnnotationArea";

    /// <summary>
    /// Create, pause and close annotation batches, read their quality and export labels (Curator, Reviewer).
    /// Curators bring the questions in; reviewers own label quality; both decide who labels what.
    /// </summary>
    public const string ManageBatches = "ManageBatches";

    /// <summary>Taxonomy, classifier, reply scripts, bot playground: curators edit, reviewers approve.</summary>
    public const string ContentArea = "ContentArea";

    /// <summary>Read the knowledge base (documents, chunks, history, retrieval test, suite results): curators change it, reviewers and viewers read it.</summary>
    public const string KnowledgeArea = "KnowledgeArea";

    /// <summary>Conversations, dashboards, reports, escalations: everyone who reads results.</summary>
    public const string InsightsArea = "InsightsArea";

    /// <summary>Take, assign, release, close and reopen escalations (Curator, Reviewer): the people who work the hand-over queue; viewers read it.</summary>
    public const string HandleEscalations = "HandleEscalations";

    /// <summary>The bot API of the service channels: an API key, never a browser session (no role grants it).</summary>
    public const string BotApi = "BotApi";

    /// <summary>Roles granted by each policy (Admin is added to all of them).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [Annotate] = [Roles.Annotator],
        [Curate] = [Roles.Curator],
        [Review] = [Roles.Reviewer],
        [View] = [Roles.Viewer],
        [Admin] = [],
        [AnnotationArea] = [Roles.Annotator, Roles.Curator, Roles.Reviewer],
        [ManageBatches] = [Roles.Curator, Roles.Reviewer],
        [ContentArea] = [Roles.Curator, Roles.Reviewer],
        [KnowledgeArea] = [Roles.Curator, Roles.Reviewer, Roles.Viewer],
        [InsightsArea] = [Roles.Viewer, Roles.Curator, Roles.Reviewer],
        [HandleEscalations] = [Roles.Curator, Roles.Reviewer],
    };

    public static void AddConsolePolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(BotApi, p => p.RequireAuthenticatedUser().RequireClaim(ApiKeyAuthenticationHandler.KeyIdClaim));
        foreach (var (name, roles) in RolesByPolicy)
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole([.. roles, Roles.Admin]));

        // Deny by default: an endpoint that forgot to declare a policy still needs a signed-in user,
        // and the endpoint test fails the build for it.
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
