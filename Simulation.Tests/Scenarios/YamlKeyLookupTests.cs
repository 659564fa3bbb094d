using IsdnSim.Scenario.Language;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Tests.Scenarios;

/// <summary>
/// The binders look up a mapping's keys with <see cref="YamlReader.Get"/> (scanning a small
/// mapping, hashing a large one) and <see cref="YamlReader.GetKeyNode"/>: each must find what a
/// lookup by a new scalar node of the key found, which is what they were before.
/// </summary>
public sealed class YamlKeyLookupTests
{
    [Theory]
    [InlineData("a: 1\nb: 2\n")]
    [InlineData("'a': 1\n\"b\": 2\n")]
    [InlineData("!!str a: 1\nb: 2\n")]
    [InlineData("!x b: 1\na: 2\n")]
    [InlineData("? [a]\n: 1\nb: 2\n")]
    [InlineData("a: 1\nab: 2\nA: 3\n")]
    public void Get_FindsWhatALookupByAScalarNodeFinds(string text)
    {
        foreach (var map in new[] { Root(text), Root(text + Filler(YamlReader.ScannedUpTo)) })
        {
            foreach (var key in new[] { "a", "b", "ab", "A", "c", "", "[a]" })
            {
                YamlReader.Get(map, key).Should().BeSameAs(map.Children.TryGetValue(new YamlScalarNode(key), out var found) ? found : null,
                    "key '{0}' in a mapping of {1} keys", key, map.Children.Count);
            }
        }
    }

    [Fact]
    public void Get_HashesAMappingOfMoreKeysThanItScans()
    {
        // The filler's keys are all found by the probe the thread keeps, one after another.
        var map = Root("a: 1\n" + Filler(YamlReader.ScannedUpTo));

        map.Children.Count.Should().BeGreaterThan(YamlReader.ScannedUpTo);
        for (var i = 0; i < YamlReader.ScannedUpTo; i++)
        {
            YamlReader.Get(map, $"filler{i}").Should().BeOfType<YamlScalarNode>().Which.Value.Should().Be(i.ToString());
        }

        YamlReader.Get(map, "a").Should().BeOfType<YamlScalarNode>().Which.Value.Should().Be("1");
        YamlReader.Get(map, "filler").Should().BeNull();
    }

    [Theory]
    [InlineData("a: 1\nb: 2\n", "b", 2)]
    [InlineData("!!str b: 1\nb: 2\n", "b", 1)]
    [InlineData("a: 1\n", "b", 0)]
    public void GetKeyNode_FindsTheFirstScalarKeyOfThatValue_WhateverItsTag(string text, string key, int line)
    {
        var found = YamlReader.GetKeyNode(Root(text), key);

        if (line == 0)
        {
            found.Should().BeNull();
        }
        else
        {
            found.Should().BeOfType<YamlScalarNode>().Which.Start.Line.Should().Be(line);
        }
    }

    [Fact]
    public void Get_InAMappingItScans_DoesNotAllocate()
    {
        var map = Root("a: 1\nb: 2\nc: 3\n");
        YamlReader.Get(map, "c");

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            YamlReader.Get(map, "c");
            YamlReader.Get(map, "d");
        }

        // A lookup by a new node made the node, and YamlDotNet's equality boxed both tags where it found the key: 200 KB here.
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(1000);
    }

    private static string Filler(int keys) => string.Concat(Enumerable.Range(0, keys).Select(i => $"filler{i}: {i}\n"));

    private static YamlMappingNode Root(string text)
    {
        var stream = new YamlStream();
        stream.Load(new Parser(new Scanner(new StringReader(text), skipComments: true)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
