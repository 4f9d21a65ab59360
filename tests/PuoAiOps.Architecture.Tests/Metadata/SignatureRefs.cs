using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace PuoAiOps.Architecture.Tests.Metadata;

/// <summary>
/// Decodes signatures (fields, methods, locals, generic instantiations) into the foreign types they
/// mention, so <c>Task&lt;List&lt;DbSet&lt;X&gt;&gt;&gt;</c> yields DbSet as well as Task and List.
/// Types defined in the scanned assembly itself yield nothing.
/// </summary>
internal sealed class SignatureRefs(MetadataReader reader) : ISignatureTypeProvider<ImmutableArray<TypeRef>, object?>
{
    public TypeRef Resolve(TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        var name = reader.GetString(type.Name);
        var scope = type.ResolutionScope;
        if (scope.Kind == HandleKind.TypeReference)
        {
            var outer = Resolve((TypeReferenceHandle)scope);
            return outer with { FullName = outer.FullName + "+" + name };
        }
        var ns = reader.GetString(type.Namespace);
        var full = ns.Length == 0 ? name : ns + "." + name;
        var assembly = scope.Kind == HandleKind.AssemblyReference
            ? reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name)
            : reader.GetString(reader.GetAssemblyDefinition().Name);
        return new TypeRef(assembly, full);
    }

    public ImmutableArray<TypeRef> OfHandle(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeReference => [Resolve((TypeReferenceHandle)handle)],
        HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null),
        _ => [],
    };

    public ImmutableArray<TypeRef> GetTypeFromReference(MetadataReader r, TypeReferenceHandle handle, byte rawTypeKind) => [Resolve(handle)];

    public ImmutableArray<TypeRef> GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle handle, byte rawTypeKind) => [];

    public ImmutableArray<TypeRef> GetTypeFromSpecification(MetadataReader r, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
        r.GetTypeSpecification(handle).DecodeSignature(this, context);

    public ImmutableArray<TypeRef> GetGenericInstantiation(ImmutableArray<TypeRef> genericType, ImmutableArray<ImmutableArray<TypeRef>> typeArguments) =>
        typeArguments.Aggregate(genericType, (all, argument) => all.AddRange(argument));

    public ImmutableArray<TypeRef> GetFunctionPointerType(MethodSignature<ImmutableArray<TypeRef>> signature) =>
        signature.ParameterTypes.Aggregate(signature.ReturnType, (all, parameter) => all.AddRange(parameter));

    public ImmutableArray<TypeRef> GetModifiedType(ImmutableArray<TypeRef> modifier, ImmutableArray<TypeRef> unmodifiedType, bool isRequired) =>
        unmodifiedType.AddRange(modifier);

    public ImmutableArray<TypeRef> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];
    public ImmutableArray<TypeRef> GetGenericMethodParameter(object? context, int index) => [];
    public ImmutableArray<TypeRef> GetGenericTypeParameter(object? context, int index) => [];
    public ImmutableArray<TypeRef> GetSZArrayType(ImmutableArray<TypeRef> elementType) => elementType;
    public ImmutableArray<TypeRef> GetArrayType(ImmutableArray<TypeRef> elementType, ArrayShape shape) => elementType;
    public ImmutableArray<TypeRef> GetByReferenceType(ImmutableArray<TypeRef> elementType) => elementType;
    public ImmutableArray<TypeRef> GetPointerType(ImmutableArray<TypeRef> elementType) => elementType;
    public ImmutableArray<TypeRef> GetPinnedType(ImmutableArray<TypeRef> elementType) => elementType;
}
