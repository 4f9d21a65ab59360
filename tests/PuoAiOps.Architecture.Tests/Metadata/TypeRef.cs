namespace PuoAiOps.Architecture.Tests.Metadata;

/// <summary>A type defined in another assembly, as named in the metadata of the assembly that uses it (nested types as Outer+Inner).</summary>
public sealed record TypeRef(string Assembly, string FullName)
{
    public override string ToString() => $"{FullName} [{Assembly}]";
}

/// <summary>One of our types (nested and compiler-generated types folded into their outermost type) and a foreign type it uses.</summary>
public sealed record TypeUse(string User, TypeRef Used);
