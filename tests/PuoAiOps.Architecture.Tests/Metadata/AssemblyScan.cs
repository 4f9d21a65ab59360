using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace PuoAiOps.Architecture.Tests.Metadata;

/// <summary>
/// Reads a compiled assembly as metadata (nothing is loaded or run) and reports, per type, every
/// foreign type it touches: base type and interfaces, fields, properties, events, method signatures
/// and locals, attributes, generic constraints, every type, method or field named in method bodies,
/// and the types of catch clauses. Nested and compiler-generated types (lambdas, async state
/// machines, Razor's render closures) count as uses by their outermost type, so a page's query in a
/// lambda is the page's.
/// </summary>
public sealed class AssemblyScan
{
    private readonly MetadataReader _reader;
    private readonly PEReader _pe;
    private readonly SignatureRefs _signatures;

    private AssemblyScan(PEReader pe)
    {
        _pe = pe;
        _reader = pe.GetMetadataReader();
        _signatures = new SignatureRefs(_reader);
    }

    public string Name => _reader.GetString(_reader.GetAssemblyDefinition().Name);

    public static T Read<T>(string path, Func<AssemblyScan, T> read)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        return read(new AssemblyScan(pe));
    }

    /// <summary>Names of the assemblies this one references.</summary>
    public IReadOnlyList<string> References() =>
        _reader.AssemblyReferences.Select(h => _reader.GetString(_reader.GetAssemblyReference(h).Name)).ToList();

    public IReadOnlyList<TypeUse> TypeUses()
    {
        var uses = new HashSet<TypeUse>();
        foreach (var handle in _reader.TypeDefinitions)
        {
            var user = OutermostName(handle);
            foreach (var used in UsesOf(_reader.GetTypeDefinition(handle)))
                uses.Add(new TypeUse(user, used));
        }
        return [.. uses];
    }

    private IEnumerable<TypeRef> UsesOf(TypeDefinition type)
    {
        if (!type.BaseType.IsNil) foreach (var r in _signatures.OfHandle(type.BaseType)) yield return r;
        foreach (var i in type.GetInterfaceImplementations())
            foreach (var r in _signatures.OfHandle(_reader.GetInterfaceImplementation(i).Interface)) yield return r;
        foreach (var r in Attributes(type.GetCustomAttributes())) yield return r;
        foreach (var r in Constraints(type.GetGenericParameters())) yield return r;

        foreach (var f in type.GetFields())
        {
            var field = _reader.GetFieldDefinition(f);
            foreach (var r in field.DecodeSignature(_signatures, null)) yield return r;
            foreach (var r in Attributes(field.GetCustomAttributes())) yield return r;
        }
        foreach (var p in type.GetProperties())
        {
            var property = _reader.GetPropertyDefinition(p);
            foreach (var r in Flatten(property.DecodeSignature(_signatures, null))) yield return r;
            foreach (var r in Attributes(property.GetCustomAttributes())) yield return r;
        }
        foreach (var e in type.GetEvents())
            foreach (var r in _signatures.OfHandle(_reader.GetEventDefinition(e).Type)) yield return r;
        foreach (var m in type.GetMethods())
            foreach (var r in UsesOf(_reader.GetMethodDefinition(m))) yield return r;
    }

    private IEnumerable<TypeRef> UsesOf(MethodDefinition method)
    {
        foreach (var r in Flatten(method.DecodeSignature(_signatures, null))) yield return r;
        foreach (var r in Attributes(method.GetCustomAttributes())) yield return r;
        foreach (var p in method.GetParameters())
            foreach (var r in Attributes(_reader.GetParameter(p).GetCustomAttributes())) yield return r;
        foreach (var r in Constraints(method.GetGenericParameters())) yield return r;
        if (method.RelativeVirtualAddress == 0) yield break;

        var body = _pe.GetMethodBody(method.RelativeVirtualAddress);
        if (!body.LocalSignature.IsNil)
            foreach (var local in _reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_signatures, null))
                foreach (var r in local) yield return r;
        foreach (var region in body.ExceptionRegions)
            if (!region.CatchType.IsNil)
                foreach (var r in OfToken(region.CatchType)) yield return r;
        foreach (var token in IlTokens.Read(body))
            foreach (var r in OfToken(token)) yield return r;
    }

    /// <summary>What an IL operand names: a type, a member of a (possibly generic) type, a generic method instantiation, a calli signature.</summary>
    private ImmutableArray<TypeRef> OfToken(EntityHandle token)
    {
        switch (token.Kind)
        {
            case HandleKind.TypeReference or HandleKind.TypeSpecification:
                return _signatures.OfHandle(token);
            case HandleKind.MemberReference:
                var member = _reader.GetMemberReference((MemberReferenceHandle)token);
                var parent = member.Parent.Kind is HandleKind.TypeReference or HandleKind.TypeSpecification ? _signatures.OfHandle(member.Parent) : [];
                return member.GetKind() == MemberReferenceKind.Field
                    ? parent.AddRange(member.DecodeFieldSignature(_signatures, null))
                    : parent.AddRange(Flatten(member.DecodeMethodSignature(_signatures, null)));
            case HandleKind.MethodSpecification:
                var spec = _reader.GetMethodSpecification((MethodSpecificationHandle)token);
                var arguments = spec.DecodeSignature(_signatures, null).SelectMany(a => a);
                return OfToken(spec.Method).AddRange(arguments);
            case HandleKind.StandaloneSignature:
                return [.. Flatten(_reader.GetStandaloneSignature((StandaloneSignatureHandle)token).DecodeMethodSignature(_signatures, null))];
            default:
                return [];
        }
    }

    private IEnumerable<TypeRef> Attributes(CustomAttributeHandleCollection attributes)
    {
        foreach (var a in attributes)
            foreach (var r in OfToken(_reader.GetCustomAttribute(a).Constructor)) yield return r;
    }

    private IEnumerable<TypeRef> Constraints(GenericParameterHandleCollection parameters)
    {
        foreach (var p in parameters)
            foreach (var c in _reader.GetGenericParameter(p).GetConstraints())
                foreach (var r in _signatures.OfHandle(_reader.GetGenericParameterConstraint(c).Type)) yield return r;
    }

    private static IEnumerable<TypeRef> Flatten(MethodSignature<ImmutableArray<TypeRef>> signature) =>
        signature.ParameterTypes.SelectMany(p => p).Concat(signature.ReturnType);

    private string OutermostName(TypeDefinitionHandle handle)
    {
        var type = _reader.GetTypeDefinition(handle);
        while (type.IsNested) type = _reader.GetTypeDefinition(type.GetDeclaringType());
        var ns = _reader.GetString(type.Namespace);
        var name = _reader.GetString(type.Name);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
