using IsdnSim.Analysis.Engine;
using IsdnSim.Kernel.Agents;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Tests.Determinism;

/// <summary>
/// A run's key names the compiled model silos share: its scenario hash, taken once per text and
/// kept, must be the hash of the spec's own text, for every copy of a spec.
/// </summary>
public sealed class RunSpecHashTests
{
    [Fact]
    public void ARunSpecsScenarioHash_IsItsTextsHash_ForACopyWithAnotherTextToo()
    {
        var spec = new RunSpec("name: x\n", "x.yaml", ScenarioOverrides.None, AgentOptions.Default);
        var other = spec with { ScenarioText = "name: y\n" };
        var again = spec with { ScenarioText = string.Concat("name: ", "x\n") };

        spec.ScenarioHash.Should().Be(ScenarioLoader.Hash("name: x\n"));
        other.ScenarioHash.Should().Be(ScenarioLoader.Hash("name: y\n")).And.NotBe(spec.ScenarioHash,
            "a copy with another text must not keep the first text's hash");
        again.ScenarioHash.Should().Be(spec.ScenarioHash, "an equal text in another string has the same hash");
        other.Key.Should().NotBe(spec.Key, "another text is another model");
    }
}
