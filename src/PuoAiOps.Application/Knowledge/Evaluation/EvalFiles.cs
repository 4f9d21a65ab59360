using System.Text.Json;

namespace PuoAiOps.Application.Knowledge.Evaluation;

public sealed record EvalDocument(string Id, string Title, string Text);

public sealed record EvalQuery(string Query, IReadOnlySet<string> Relevant);

/// <summary>
/// The `puo kb eval` inputs, JSON Lines: corpus lines {"id","title","text"}, query lines
/// {"query","relevant":["id",...]}. Errors name the file and line.
/// </summary>
public static class EvalFiles
{
    public static IReadOnlyList<EvalDocument> ReadCorpus(string path) => Read(path, (root, where) =>
        new EvalDocument(Text(root, "id", where), root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "", Text(root, "text", where)));

    public static IReadOnlyList<EvalQuery> ReadQueries(string path) => Read(path, (root, where) =>
    {
        var query = Text(root, "query", where);
        if (!root.TryGetProperty("relevant", out var relevant) || relevant.ValueKind != JsonValueKind.Array || relevant.GetArrayLength() == 0)
            throw new KnowledgeInputException(KnowledgeRefusal.EvalRelevantMissing, where);
        return new EvalQuery(query, relevant.EnumerateArray().Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal));
    });

    private static List<T> Read<T>(string path, Func<JsonElement, string, T> map)
    {
        if (!File.Exists(path)) throw new KnowledgeInputException(KnowledgeRefusal.NoSuchFile, path);
        var result = new List<T>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length == 0) continue;
            var where = $"{Path.GetFileName(path)} line {number}";
            try
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.ValueKind != JsonValueKind.Object) throw new KnowledgeInputException(KnowledgeRefusal.EvalNotAnObject, where);
                result.Add(map(json.RootElement, where));
            }
            catch (JsonException ex)
            {
                throw new KnowledgeInputException(KnowledgeRefusal.EvalNotJson, where, ex.Message);
            }
        }
        if (result.Count == 0) throw new KnowledgeInputException(KnowledgeRefusal.EvalNoLines, path);
        return result;
    }

    private static string Text(JsonElement root, string name, string where) =>
        root.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number && value.ToString().Trim().Length > 0
            ? value.ToString()
            : throw new KnowledgeInputException(KnowledgeRefusal.EvalFieldMissing, where, name);
}
