using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IsdnSim.Analysis.Storage;

namespace IsdnSim.Presentation.Output;

/// <summary>
/// What a result folder says about itself: README.txt (in words) and datapackage.json (a
/// Frictionless Data package with a table schema per CSV file), written from
/// <see cref="ResultCatalogue"/> for the files the folder actually holds and the columns each CSV
/// file actually has; and docs/result-files.md, the same catalogue for every folder. Both files
/// depend only on the folder's other files, so they are the same on every engine.
/// </summary>
public static class ResultGuide
{
    private const string NotDescribed = "(not described)";

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        // Readable umlauts and quotes; the file is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes README.txt and datapackage.json into <paramref name="directory"/> (each renamed into place when complete), describing what it holds now.</summary>
    public static void Write(string directory, string command)
    {
        var present = Present(directory, ResultCatalogue.Of(command));
        AtomicOutput.WriteFile(Path.Combine(directory, ResultCatalogue.Readme), Readme(ResultCatalogue.Of(command), present));
        AtomicOutput.WriteFile(Path.Combine(directory, ResultCatalogue.DataPackage), DataPackage(ResultCatalogue.Of(command), present));
    }

    /// <summary>
    /// What the catalogue does not describe in <paramref name="directory"/>: a file as its name, a
    /// column as "file: column". Empty when everything is described (a test asks this of every command's folder).
    /// </summary>
    public static IReadOnlyList<string> Undescribed(string directory, string command) =>
        [.. Present(directory, ResultCatalogue.Of(command)).SelectMany(p => p.File is null
            ? [p.Name]
            : p.Headers.Where(h => p.File.Column(h) is null).Select(h => $"{p.Name}: {h}"))];

    /// <summary>docs/result-files.md: every folder, file and column of the catalogue.</summary>
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("# Result files: every folder, file and column\n\n")
            .Append("<!-- Generated from Simulation.Presentation/Output/ResultCatalogue.cs: edit that, then run\n")
            .Append("     ISDNSIM_GOLDEN_WRITE=1 dotnet test --filter FullyQualifiedName~ResultGuide to rewrite this file. -->\n\n")
            .Append("Every result folder holds a `README.txt` and a `datapackage.json` (a [Frictionless Data](https://specs.frictionlessdata.io/data-package/)\n")
            .Append("package: a table schema per CSV file with each column's name, type, unit and description) that\n")
            .Append("describe the files it holds, from the same catalogue as this page, so the two cannot disagree.\n")
            .Append("A column written `<path>` is named after a path of the scenario file (a swept or uncertain parameter);\n")
            .Append("`u:<path>` and `simulated:line<L>` likewise.\n\n")
            .Append("**Numbers and missing values.** ").Append(ResultCatalogue.Conventions).Append('\n');
        foreach (var folder in ResultCatalogue.Folders)
        {
            text.Append("\n## ").Append(folder.Title).Append("\n\n").Append(folder.Description).Append("\n\n| file | contents |\n|---|---|\n");
            foreach (var file in folder.Files)
            {
                text.Append("| `").Append(file.Name).Append("` | ").Append(Cell(file.Description)).Append(" |\n");
            }

            foreach (var file in folder.Files.Where(f => f.Columns.Count > 0))
            {
                text.Append("\n### ").Append(folder.Command).Append(": ").Append(file.Name).Append("\n\n| column | type | unit | contents |\n|---|---|---|---|\n");
                foreach (var c in file.Columns)
                {
                    text.Append("| `").Append(c.Name).Append("` | ").Append(c.Type).Append(" | ").Append(c.Unit ?? "").Append(" | ").Append(Cell(c.Description)).Append(" |\n");
                }
            }
        }

        return text.ToString();
    }

    internal static string Readme(ResultFolder folder, IReadOnlyList<Entry> present)
    {
        var text = new StringBuilder();
        var title = folder.Title;
        text.Append(title).Append('\n').Append(new string('=', title.Length)).Append("\n\n");
        Wrap(text, folder.Description, "");
        text.Append('\n');
        Wrap(text, "The same description is in datapackage.json (Frictionless Data) and, for every folder, in docs/result-files.md of IsdnSim.", "");
        text.Append('\n');
        Wrap(text, ResultCatalogue.Conventions, "");
        text.Append("\nFiles\n-----\n");
        foreach (var entry in present)
        {
            text.Append('\n').Append(entry.Name).Append('\n');
            Wrap(text, entry.File?.Description ?? NotDescribed, "    ");
            if (entry.Headers.Count > 0)
            {
                text.Append("    Columns:\n");
                foreach (var header in entry.Headers)
                {
                    var column = entry.File?.Column(header);
                    var kind = column is null ? "" : column.Unit is { } unit ? $" ({column.Type}, {unit})" : $" ({column.Type})";
                    Wrap(text, $"{header}{kind}: {column?.Description ?? NotDescribed}", "      ", "        ");
                }
            }
        }

        return text.ToString();
    }

    internal static string DataPackage(ResultFolder folder, IReadOnlyList<Entry> present)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("name", $"isdnsim-{folder.Command}");
            json.WriteString("title", folder.Title);
            json.WriteString("description", folder.Description + " " + ResultCatalogue.Conventions);
            json.WriteStartArray("resources");
            foreach (var entry in present.Where(e => !e.Name.EndsWith('/') && e.Name != ResultCatalogue.DataPackage))
            {
                json.WriteStartObject();
                json.WriteString("name", ResourceName(entry.Name));
                json.WriteString("path", entry.Name);
                var extension = Path.GetExtension(entry.Name).TrimStart('.');
                json.WriteString("format", extension);
                json.WriteString("mediatype", extension switch
                {
                    "csv" => "text/csv",
                    "json" => "application/json",
                    "html" => "text/html",
                    "yaml" => "application/yaml",
                    _ => "text/plain",
                });
                json.WriteString("encoding", "utf-8");
                json.WriteString("description", entry.File?.Description ?? NotDescribed);
                if (entry.Name.EndsWith(".csv", StringComparison.Ordinal))
                {
                    json.WriteString("profile", "tabular-data-resource");
                    json.WriteStartObject("dialect");
                    json.WriteString("delimiter", ",");
                    json.WriteString("lineTerminator", "\n");
                    json.WriteBoolean("header", true);
                    json.WriteEndObject();
                    json.WriteStartObject("schema");
                    json.WriteStartArray("fields");
                    foreach (var header in entry.Headers)
                    {
                        var column = entry.File?.Column(header);
                        json.WriteStartObject();
                        json.WriteString("name", header);
                        json.WriteString("type", column?.Type ?? "any");
                        if (column?.Unit is { } unit)
                        {
                            json.WriteString("unit", unit);
                        }

                        json.WriteString("description", column?.Description ?? NotDescribed);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteStartArray("missingValues");
                    json.WriteStringValue("");
                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// The folder's entries in the catalogue's order, then any it does not know (by name); README.txt
    /// and datapackage.json always, as they are about to be written; a CSV file with its header.
    /// </summary>
    internal static IReadOnlyList<Entry> Present(string directory, ResultFolder folder)
    {
        var names = Directory.EnumerateFiles(directory).Select(Path.GetFileName)
            .Concat(Directory.EnumerateDirectories(directory).Select(d => Path.GetFileName(d) + "/"))
            .Where(n => n is not null && !n.StartsWith('.'))
            .Select(n => n!)
            .Concat([ResultCatalogue.Readme, ResultCatalogue.DataPackage])
            .ToHashSet(StringComparer.Ordinal);
        var known = folder.Files.Where(f => names.Contains(f.Name)).Select(f => f.Name);
        var unknown = names.Where(n => folder.File(n) is null).Order(StringComparer.Ordinal);
        return [.. known.Concat(unknown).Select(n => new Entry(n, folder.File(n), n.EndsWith(".csv", StringComparison.Ordinal) ? Header(Path.Combine(directory, n)) : []))];
    }

    private static IReadOnlyList<string> Header(string path)
    {
        using var reader = new StreamReader(path);
        return Csv.ReadRows(reader).FirstOrDefault() ?? [];
    }

    /// <summary>A Frictionless resource name: lower case letters, digits, '-', '_' and '.', the file's extension left off.</summary>
    private static string ResourceName(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file).ToLowerInvariant();
        return new string([.. stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal);

    /// <summary>Appends <paramref name="text"/> wrapped at 100 characters, the first line indented by <paramref name="indent"/>, the others by <paramref name="hanging"/> (default: the same).</summary>
    private static void Wrap(StringBuilder text, string words, string indent, string? hanging = null)
    {
        const int width = 100;
        var line = new StringBuilder(indent);
        var empty = true;
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > width)
            {
                text.Append(line).Append('\n');
                line.Clear().Append(hanging ?? indent);
                empty = true;
            }

            if (!empty)
            {
                line.Append(' ');
            }

            line.Append(word);
            empty = false;
        }

        text.Append(line).Append('\n');
    }

    /// <summary>An entry of a folder: its name (a folder's ending in '/'), its description if the catalogue has one, a CSV file's header.</summary>
    internal sealed record Entry(string Name, ResultFile? File, IReadOnlyList<string> Headers);
}
