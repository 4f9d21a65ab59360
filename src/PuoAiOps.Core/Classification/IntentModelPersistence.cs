namespace PuoAiOps.Core.Classification;

/// <summary>Saving and loading: to a stream (files) or a byte array (a workspace's model registry row).</summary>
public sealed partial class IntentModel
{
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        IntentModelSerializer.Write(this, stream);
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        Save(stream);
        return stream.ToArray();
    }

    /// <summary>Reads a model written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static IntentModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return IntentModelSerializer.Read(stream);
    }

    public static IntentModel FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var stream = new MemoryStream(bytes, writable: false);
        return Load(stream);
    }
}
