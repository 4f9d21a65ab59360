namespace PuoAiOps.Web.Localization;

/// <summary>Texts of the pages whose feature is not built yet (Components/Shared/ComingSoon.razor).</summary>
public sealed class ComingSoonText;
