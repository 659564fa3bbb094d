using System.Security.Cryptography;
using System.Text;
using IsdnSim.Analysis.Engine;
using IsdnSim.Kernel.Agents;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Tests.Determinism;

/// <summary>
/// A run's key names the compiled model silos share: its scenario hash, a long text's taken once
/// and kept, must be the hash of the spec's own text, for every copy of a spec.
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

    [Fact]
    public void ALongText_IsEncodedAndHashedOnce_AndItsHashIsItsSha256()
    {
        var text = new string('x', ScenarioLoader.HashKeptFrom) + "\n";
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

        ScenarioLoader.Hash(text).Should().Be(sha256);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var again = ScenarioLoader.Hash(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        again.Should().Be(sha256);
        allocated.Should().BeLessThan(text.Length, "the second time the text is not encoded again");
        ScenarioLoader.Hash(new string(text.AsSpan())).Should().Be(sha256, "an equal text in another string has the same hash");
        ScenarioLoader.Hash(text + "y").Should().NotBe(sha256, "another text has its own");
    }
}
