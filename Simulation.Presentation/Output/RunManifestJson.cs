using System.Text.Json.Serialization;

namespace IsdnSim.Presentation.Output;

/// <summary>
/// The serializer of <see cref="RunManifestFile"/>, generated at compile time: every run writes a
/// manifest, and reflection would cost each process a tenth of a second on first use.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, NewLine = "\n")]
[JsonSerializable(typeof(RunManifestFile))]
internal sealed partial class RunManifestJson : JsonSerializerContext;
