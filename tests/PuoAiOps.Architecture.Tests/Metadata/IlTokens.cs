using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace PuoAiOps.Architecture.Tests.Metadata;

/// <summary>
/// Walks a method body's IL and yields the metadata tokens its instructions name (calls, field
/// accesses, newobj, castclass, ldtoken...): that is where a call to an extension method such as
/// <c>ToListAsync</c> shows, which no signature mentions.
/// </summary>
internal static class IlTokens
{
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(op => op.Value, op => op.OperandType);

    public static IEnumerable<EntityHandle> Read(MethodBodyBlock body)
    {
        var il = body.GetILReader();
        var handles = new List<EntityHandle>();
        while (il.RemainingBytes > 0)
        {
            short code = il.ReadByte();
            if (code == 0xFE) code = unchecked((short)(0xFE00 | il.ReadByte()));
            if (!Operands.TryGetValue(code, out var operand))
                throw new BadImageFormatException($"Unknown IL opcode 0x{code:X4} at offset {il.Offset}.");
            switch (operand)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType or OperandType.InlineSig:
                    handles.Add(MetadataTokens.EntityHandle(il.ReadInt32()));
                    break;
                case OperandType.InlineSwitch:
                    // Read the count first: "Offset += 4 * ReadInt32()" would add to the offset before the read.
                    var targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                default:
                    il.Offset += Size(operand);
                    break;
            }
        }
        return handles;
    }

    private static int Size(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
