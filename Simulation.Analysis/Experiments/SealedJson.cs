using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// JSON files of an experiment folder that carry a checksum of their own content, so that a file
/// edited by hand is noticed instead of silently changing the results. The checksum is the
/// SHA-256 (lower-case hex) of the canonical content: the file's JSON object without its
/// <c>checksum</c> field, written compactly. Whitespace and indentation do not count, every field
/// and value does, and the same content always gives the same checksum.
/// </summary>
public static class SealedJson
{
    public const string Field = "checksum";

    private static readonly JsonSerializerOptions Canonical = new(ExperimentStore.Json) { WriteIndented = false };

    /// <summary><paramref name="value"/> as JSON with its checksum as the last field, indented as <paramref name="options"/> say.</summary>
    public static string Write<T>(T value, JsonSerializerOptions options)
    {
        var node = Parse(JsonSerializer.Serialize(value, Canonical))
                   ?? throw new InvalidOperationException($"{typeof(T).Name} does not serialise to a JSON object");
        node.Remove(Field);
        node[Field] = Of(node);
        return node.ToJsonString(options);
    }

    /// <summary>The checksum of <paramref name="node"/>'s content, leaving out any checksum field it has.</summary>
    public static string Of(JsonObject node)
    {
        var content = (JsonObject)node.DeepClone();
        content.Remove(Field);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToJsonString(Canonical))));
    }

    /// <summary>The JSON object in <paramref name="text"/>, or null if it is JSON but not an object; throws <see cref="JsonException"/> if it is not JSON.</summary>
    public static JsonObject? Parse(string text) => JsonNode.Parse(text) as JsonObject;

    /// <summary>
    /// Why <paramref name="node"/> cannot be trusted as written by isdnsim, or null if its checksum
    /// matches its content: it has none (an earlier version wrote it), or another (it was edited).
    /// </summary>
    public static string? Problem(JsonObject node)
    {
        if (!node.TryGetPropertyValue(Field, out var stored) || stored is null)
        {
            return "it has no checksum (an earlier version of isdnsim wrote it), so it cannot be verified";
        }

        return stored is JsonValue value && value.TryGetValue<string>(out var text) && text == Of(node)
            ? null
            : "its checksum does not match its content (edited by hand?)";
    }
}
