namespace PuoAiOps.Web.Components.Account;

/// <summary>The sign-in form's fields. Checked by the page (messages from AccountText), not by attributes.</summary>
public sealed class LoginInput
{
    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}
