using System.Text.RegularExpressions;
using IsdnSim.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Tests.Documentation;

/// <summary>The files that make the project citable and reusable, and the docs index (issue 12, item 9).</summary>
public sealed partial class CitableProjectTests
{
    [Fact]
    public void CitationFile_IsCff120_WithTheRequiredKeys()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Repository.Root, "CITATION.cff")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        string Scalar(string key) => ((YamlScalarNode)root[key]).Value!;

        // CFF 1.2.0 requires cff-version, message, title and authors (each author a person or an entity with a name).
        Scalar("cff-version").Should().Be("1.2.0");
        Scalar("message").Should().NotBeNullOrWhiteSpace();
        Scalar("title").Should().StartWith("IsdnSim");
        var authors = (YamlSequenceNode)root["authors"];
        authors.Children.Should().ContainSingle()
            .Which.Should().BeOfType<YamlMappingNode>()
            .Which[new YamlScalarNode("name")].ToString().Should().Be("IsdnSim contributors");
        Scalar("license").Should().Be("MIT", "the LICENSE file is MIT's");
        Scalar("version").Should().Be(VersionOfTheBuild(), "the citation names the version every manifest states");
    }

    [Fact]
    public void License_IsMit_AndTheReadmeSaysSo()
    {
        File.ReadLines(Path.Combine(Repository.Root, "LICENSE")).First().Should().Be("MIT License");
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        readme.Should().Contain("[MIT License](LICENSE)").And.Contain("[CITATION.cff](CITATION.cff)");
    }

    [Fact]
    public void Changelog_FollowsKeepAChangelog_WithAnUnreleasedSection()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "CHANGELOG.md"));
        lines[0].Should().Be("# Changelog");
        lines.Should().Contain("## [Unreleased]");
        lines.Where(l => l.StartsWith("#### ", StringComparison.Ordinal) || l.StartsWith("### ", StringComparison.Ordinal) && !l.StartsWith("### Issue", StringComparison.Ordinal))
            .Select(l => l.TrimStart('#').Trim())
            .Should().OnlyContain(h => h == "Added" || h == "Changed" || h == "Deprecated" || h == "Removed" || h == "Fixed" || h == "Security",
                "Keep a Changelog groups changes under these six headings");
    }

    [Fact]
    public void DocsIndex_LinksOnlyToFilesThatExist_AndEveryDocIsInIt()
    {
        var index = Path.Combine(Repository.Root, "docs", "README.md");
        var text = File.ReadAllText(index);
        var targets = Links(text).ToList();

        targets.Should().NotBeEmpty();
        foreach (var target in targets)
        {
            File.Exists(Path.GetFullPath(Path.Combine(Repository.Root, "docs", target))).Should().BeTrue($"docs/README.md links to {target}");
        }

        var linked = targets.Select(t => Path.GetFileName(t)).ToHashSet(StringComparer.Ordinal);
        Directory.GetFiles(Path.Combine(Repository.Root, "docs"), "*.md").Select(Path.GetFileName)
            .Where(f => f != "README.md")
            .Should().OnlyContain(f => linked.Contains(f!), "every document has a place in the index");
    }

    [Fact]
    public void DocsIndex_HasAPathForEachReader_TheTeachersStartingAtTheLesson()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "docs", "README.md"));
        string Section(string start)
        {
            var from = text.IndexOf("\n## " + start, StringComparison.Ordinal);
            from.Should().BeGreaterThan(0, $"docs/README.md has a section for {start}");
            var to = text.IndexOf("\n## ", from + 4, StringComparison.Ordinal);
            return text[from..(to < 0 ? text.Length : to)];
        }

        Links(Section("A teacher")).First().Should().Be("lesson-replay.md");
        Links(Section("A commission")).Should().NotBeEmpty();
        Links(Section("A researcher")).Should().Contain("result-files.md");
        File.ReadAllText(Path.Combine(Repository.Root, "README.md")).Should().Contain("[docs/README.md](docs/README.md)");
    }

    private static IEnumerable<string> Links(string markdown) =>
        MarkdownLink().Matches(markdown).Select(m => m.Groups[1].Value).Where(t => !t.Contains("://", StringComparison.Ordinal)).Select(t => t.Split('#')[0]);

    private static string VersionOfTheBuild() =>
        Regex.Match(File.ReadAllText(Path.Combine(Repository.Root, "Directory.Build.props")), "<Version>([^<]+)</Version>").Groups[1].Value;

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
