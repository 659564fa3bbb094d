using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IsdnSim.Analysis.Storage;
using IsdnSim.Presentation.Output;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Tests.Experiments;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Output;

/// <summary>
/// Result folders explain themselves (issue 12, item 7): every folder of every command has a
/// README.txt and a datapackage.json that describe each of its files and each column of its CSV
/// files, from the one catalogue docs/result-files.md is generated from; numbers are rounded to
/// twelve significant digits; every manifest starts with the same fields; paths print alike.
/// </summary>
public sealed class ResultGuideTests : CliTest
{
    private static string DocsFile => Path.Combine(Repository.Root, "docs", "result-files.md");

    [Fact]
    public void DocsResultFiles_IsTheCatalogue()
    {
        var generated = ResultGuide.Markdown();
        if (Environment.GetEnvironmentVariable("ISDNSIM_GOLDEN_WRITE") == "1")
        {
            File.WriteAllText(DocsFile, generated);
        }

        File.ReadAllText(DocsFile).Should().Be(generated, "docs/result-files.md is generated from ResultCatalogue (rewrite it with ISDNSIM_GOLDEN_WRITE=1)");
    }

    [Fact]
    public async Task EveryCommandsFolder_DescribesEveryFileAndColumn_WithTheTypesItsValuesHave()
    {
        var rural = Repository.Scenario("rural-district.yaml");
        string[] quick = ["--replications", "2", "--engine", "inprocess", "--no-progress"];
        File.WriteAllText(Dir.File("small.yaml"), SensitivityTests.Scenario);
        File.WriteAllText(Dir.File("plans.yaml"), Validation.ShareFinishedByTests.Yaml() + """

            uncertain:
              processes.heat-plan.steps.work.effort:
                uniform: [4wd, 20wd]
                assumption: true
            """);
        File.WriteAllText(Dir.File("observed.csv"), "process,region,statistic,value,unit,source\nheat-plan,,mean,24,days,set by hand\nheat-plan,,median,20,days,set by hand\n");
        var folders = new (string Command, string[] Args)[]
        {
            ("run", ["run", rural, "--horizon", "2y", "--warmup", "0d", .. quick]),
            ("compare", ["compare", rural, "--variants", "status-quo,democratisation", "--horizon", "2y", "--warmup", "0d", .. quick]),
            ("sweep", ["sweep", rural, "--set", "agents.lk-havelheide.agencies.building.staff=15,19", "--variants", "status-quo,democratisation", "--horizon", "2y", "--warmup", "0d", .. quick]),
            ("sensitivity", ["sensitivity", Dir.File("small.yaml"), "--variants", "status-quo,half-staff", "--samples", "2", .. quick]),
            ("calibrate", ["calibrate", Dir.File("plans.yaml"), "--observed", Dir.File("observed.csv"), "--samples", "8", "--accept", "0.25", .. quick]),
            ("check", ["check", Dir.File("plans.yaml"), "--observed", Dir.File("observed.csv"), .. quick]),
        };

        foreach (var (command, args) in folders)
        {
            var dir = Dir.File(command);
            (await Isdnsim([.. args, "--out", dir])).Should().Be(ExitCodes.Ok, Err.ToString());

            ResultGuide.Undescribed(dir, command).Should().BeEmpty($"the catalogue describes every file and column of a {command} folder");
            var readme = File.ReadAllText(Path.Combine(dir, "README.txt"));
            var package = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "datapackage.json")))!;
            package["name"]!.GetValue<string>().Should().Be($"isdnsim-{command}");
            var resources = package["resources"]!.AsArray().ToDictionary(r => r!["path"]!.GetValue<string>(), r => r!);
            var csvFiles = Directory.GetFiles(dir, "*.csv").Select(Path.GetFileName).ToList();
            csvFiles.Should().NotBeEmpty();
            foreach (var file in csvFiles)
            {
                readme.Should().Contain($"\n{file}\n", $"README.txt of the {command} folder describes {file}");
                List<List<string>> rows;
                using (var reader = new StreamReader(Path.Combine(dir, file!)))
                {
                    rows = [.. Csv.ReadRows(reader).Select(r => r.ToList())];
                }

                var fields = resources[file!]["schema"]!["fields"]!.AsArray().Select(f => (Name: f!["name"]!.GetValue<string>(), Type: f["type"]!.GetValue<string>())).ToList();
                fields.Select(f => f.Name).Should().Equal(rows[0], $"datapackage.json names every column of {command}/{file}, in order");
                foreach (var (name, type) in fields)
                {
                    readme.Should().Contain($"      {name} (", $"README.txt describes {file}: {name}");
                    var index = rows[0].IndexOf(name);
                    foreach (var row in rows.Skip(1))
                    {
                        IsOfType(row[index], type).Should().BeTrue($"{command}/{file}: {name} is declared {type} and has '{row[index]}'");
                    }
                }

                // A column named after a scenario path is one (sweep --set, the uncertain: section): a dotted path.
                foreach (var header in rows[0])
                {
                    var column = ResultCatalogue.Of(command).File(file!)!.Column(header)!;
                    if (column.Name == "<path>")
                    {
                        header.Should().Contain(".", $"{command}/{file}: {header} is described as a scenario path");
                    }
                }
            }

            foreach (var file in Directory.GetFiles(dir).Select(Path.GetFileName).Where(f => f != "datapackage.json"))
            {
                resources.Should().ContainKey(file!, $"datapackage.json lists {command}/{file}");
            }

            // Every manifest starts with the same fields in the same order, the program's version and commit among them.
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!.AsObject();
            manifest.Select(p => p.Key).Take(ManifestHead.Fields.Count).Should().Equal(ManifestHead.Fields, $"the manifest of {command} has the shape of every manifest");
            manifest["command"]!.GetValue<string>().Should().Be(command);
            manifest["program_version"]!.GetValue<string>().Should().Be(ProgramVersion.Text);
            (manifest["git_commit"] is null || manifest["git_commit"]!.GetValue<string>().All(char.IsAsciiHexDigitLower)).Should().BeTrue();
            manifest["created_utc"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        }
    }

    [Fact]
    public async Task TheGuide_IsTheSameOnEveryEngine()
    {
        // README.txt and datapackage.json describe the other files, not how they were made.
        string[] run = ["run", Repository.Scenario("teaching.yaml"), "--replications", "2", "--horizon", "1y", "--no-progress"];
        (await Isdnsim([.. run, "--engine", "inprocess", "--out", Dir.File("a")])).Should().Be(ExitCodes.Ok, Err.ToString());
        (await Isdnsim([.. run, "--out", Dir.File("b")])).Should().Be(ExitCodes.Ok, Err.ToString());

        foreach (var name in new[] { "README.txt", "datapackage.json" })
        {
            File.ReadAllBytes(Dir.File($"b/{name}")).Should().Equal(File.ReadAllBytes(Dir.File($"a/{name}")), name);
        }
    }

    [Theory]
    [InlineData(6.000000000000001, "6")]
    [InlineData(0.1 + 0.2, "0.3")]
    [InlineData(1.0 / 3, "0.333333333333")]
    [InlineData(2.0 / 3 * 1000, "666.666666667")]
    [InlineData(123456.7890123456, "123456.789012")]
    [InlineData(-0.25, "-0.25")]
    [InlineData(1e-7 / 3, "3.33333333333E-08")]
    [InlineData(86235236.0, "86235236")]
    [InlineData(double.NaN, "")]
    public void Numbers_AreWrittenWithTwelveSignificantDigits(double value, string written)
    {
        // 12 significant digits: 1/3 = 0.333333333333|33..., rounded at the 12th; 666.666666666|67 rounds up.
        var text = new StringWriter();
        new Csv(text).Add(value).Flush();

        text.ToString().Should().Be(written);
        if (written.Length > 0)
        {
            // Writing what was read gives the same text again: the rule is stable.
            var again = new StringWriter();
            new Csv(again).Add(double.Parse(written, CultureInfo.InvariantCulture)).Flush();
            again.ToString().Should().Be(written);
        }
    }

    [Fact]
    public void Paths_PrintRelativeInsideTheCurrentFolder_AbsoluteOutside()
    {
        var here = Directory.GetCurrentDirectory();
        var inside = Path.Combine("results", "rural-district-20261130-101500");

        DisplayPath.Of(inside).Should().Be(inside);
        DisplayPath.Of(Path.Combine(here, inside)).Should().Be(inside, "a path typed absolute prints as one typed relative");
        DisplayPath.Of(Path.Combine(here, "results", ".", "x")).Should().Be(Path.Combine("results", "x"));
        var outside = Path.GetFullPath(Path.Combine(here, "..", "elsewhere"));
        DisplayPath.Of(outside).Should().Be(outside);
        DisplayPath.Of(Path.Combine("..", "elsewhere")).Should().Be(outside, "a path outside prints absolute, however it was typed");
    }

    private static bool IsOfType(string value, string type) => value.Length == 0 || type switch
    {
        "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "number" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        "boolean" => value is "true" or "false",
        "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "string" => true,
        _ => false,
    };
}
