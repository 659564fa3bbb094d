using System.Text.Json.Serialization;

namespace IsdnSim.Presentation.Output.Summary;

/// <summary>
/// The serializer of <see cref="RunSummaryFile"/>, generated at compile time like the manifest's:
/// every run writes a summary, and reflection would cost each process a tenth of a second on first use.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, NewLine = "\n")]
[JsonSerializable(typeof(RunSummaryFile))]
internal sealed partial class RunSummaryJson : JsonSerializerContext;
