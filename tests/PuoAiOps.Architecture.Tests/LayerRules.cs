using PuoAiOps.Architecture.Tests.Metadata;

namespace PuoAiOps.Architecture.Tests;

/// <summary>
/// The dependency rules of the layers, as checks over a compiled assembly: Web and Cli → Application
/// → Core, Core on nothing of ours, no Entity Framework in Web (pages and endpoints call
/// Application services instead), and in Web the encoder assembly only in the composition root. The same checks run over the fixtures that break them on purpose.
/// </summary>
public static class LayerRules
{
    public const string DbContextType = "PuoAiOps.Application.Persistence.PuoDbContext";

    /// <summary>Our assemblies; the command line's is named <c>puo</c>.</summary>
    public static bool IsOurs(string assembly) =>
        assembly.StartsWith("PuoAiOps.", StringComparison.Ordinal) || assembly == "puo";

    public static bool IsHostOrCli(string assembly) => assembly is "PuoAiOps.Web" or "PuoAiOps.Cli" or "puo";

    /// <summary>EF Core itself, its providers and Identity's EF stores, and our DbContext.</summary>
    public static bool IsEntityFramework(TypeRef type) =>
        type.Assembly.Contains("EntityFrameworkCore", StringComparison.Ordinal) ||
        (type.Assembly == "PuoAiOps.Application" && type.FullName == DbContextType);

    /// <summary>The referenced assemblies that <paramref name="forbidden"/> matches.</summary>
    public static IReadOnlyList<string> ForbiddenReferences(string assemblyPath, Func<string, bool> forbidden) =>
        AssemblyScan.Read(assemblyPath, scan => scan.References().Where(forbidden).Order(StringComparer.Ordinal).ToList());

    /// <summary>Each type that uses Entity Framework, with the EF types it uses.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<TypeRef>> EntityFrameworkUsers(string assemblyPath) =>
        AssemblyScan.Read(assemblyPath, scan => scan.TypeUses()
            .Where(u => IsEntityFramework(u.Used))
            .GroupBy(u => u.User, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TypeRef>)g.Select(u => u.Used).Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal).ToList(),
                StringComparer.Ordinal));

    /// <summary>The rule "Web uses no EF type": every type of <paramref name="assemblyPath"/> that does, with what it uses. No exceptions.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<TypeRef>> WebRuleViolations(string assemblyPath) => EntityFrameworkUsers(assemblyPath);

    public const string EncodersAssembly = "PuoAiOps.Encoders";

    /// <summary>The console's composition root: the top-level statements of Program.cs compile to this type.</summary>
    public const string CompositionRoot = "Program";

    /// <summary>Each type that uses a type of the encoder assembly, with what it uses.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<TypeRef>> EncoderUsers(string assemblyPath) =>
        AssemblyScan.Read(assemblyPath, scan => scan.TypeUses()
            .Where(u => u.Used.Assembly == EncodersAssembly)
            .GroupBy(u => u.User, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TypeRef>)g.Select(u => u.Used).Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal).ToList(),
                StringComparer.Ordinal));

    /// <summary>
    /// The rule "only the composition root wires the encoder in" (decisions/0011): every type other than
    /// <paramref name="compositionRoot"/> that uses the encoder assembly. Pages, endpoints and services see
    /// the embedding abstraction only.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<TypeRef>> EncoderRuleViolations(string assemblyPath, string compositionRoot = CompositionRoot) =>
        EncoderUsers(assemblyPath).Where(u => u.Key != compositionRoot).ToDictionary(u => u.Key, u => u.Value, StringComparer.Ordinal);

    public static string Describe(IReadOnlyDictionary<string, IReadOnlyList<TypeRef>> users, IEnumerable<string> which) =>
        string.Join(Environment.NewLine, which.Order(StringComparer.Ordinal)
            .Select(t => $"  {t} uses {string.Join(", ", users.GetValueOrDefault(t, []).Take(6).Select(r => r.FullName))}"));
}
