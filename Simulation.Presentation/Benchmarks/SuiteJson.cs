using System.Text.Json.Serialization;

namespace IsdnSim.Presentation.Benchmarks;

/// <summary>The serializer of <see cref="SuiteFigures"/> (benchmarks/suite.json), generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, NewLine = "\n", UseStringEnumConverter = true)]
[JsonSerializable(typeof(SuiteFigures))]
internal sealed partial class SuiteJson : JsonSerializerContext;
