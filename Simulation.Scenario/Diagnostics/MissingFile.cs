namespace IsdnSim.Scenario.Diagnostics;

/// <summary>
/// What to say about a file that is not there: "file not found", and the nearest name in its
/// folder (or, when the folder itself is misspelt, in the nearest folder) as the user would type
/// it. Used for scenario files, observed data, ranges and traces alike.
/// </summary>
public static class MissingFile
{
    // A folder of many thousand files is searched only this far: the hint is a courtesy, not worth a long wait.
    private const int MaxEntries = 10_000;

    // Longer than any real file name; Levenshtein distance costs the product of the lengths.
    private const int MaxNameLength = 255;

    /// <summary>"file not found; did you mean 'scenarios/rural-district.yaml'?", or with "(a folder on its path does not exist)".</summary>
    public static string NotFound(string path)
    {
        var folderMissing = !Directory.Exists(OrCurrent(Folder(path)));
        var text = folderMissing ? "file not found (a folder on its path does not exist)" : "file not found";
        return Nearest(path) is { } near ? $"{text}; did you mean '{UserText.Shorten(near)}'?" : text;
    }

    /// <summary>"did you mean 'results/rural-district-compare'?" for a folder that is not there, or "".</summary>
    public static string FolderHint(string path) =>
        Nearest(path.TrimEnd('/', Path.DirectorySeparatorChar), folder: true) is { } near ? $"; did you mean '{UserText.Shorten(near)}'?" : "";

    /// <summary>
    /// The existing file (or <paramref name="folder"/>) nearest to <paramref name="path"/>, written
    /// in the same style (relative or absolute), or null.
    /// </summary>
    public static string? Nearest(string path, bool folder = false)
    {
        try
        {
            var name = Path.GetFileName(path);
            var parentFolder = Folder(path);
            if (name.Length is 0 or > MaxNameLength)
            {
                return null;
            }

            if (Directory.Exists(OrCurrent(parentFolder)))
            {
                return NearestIn(parentFolder, name, folder) is { } file ? Path.Join(parentFolder, file) : null;
            }

            // One misspelt folder (scenario/rural-district.yaml): the nearest folder beside it, then the file in it.
            var parent = Folder(parentFolder);
            var folderName = Path.GetFileName(parentFolder);
            if (folderName.Length is 0 or > MaxNameLength || !Directory.Exists(OrCurrent(parent)) ||
                DidYouMean.Suggest(folderName, Names(Directory.EnumerateDirectories(OrCurrent(parent)))) is not { } nearFolder)
            {
                return null;
            }

            var corrected = Path.Join(parent, nearFolder);
            return Path.Exists(Path.Join(corrected, name)) ? Path.Join(corrected, name)
                : NearestIn(corrected, name, folder) is { } inCorrected ? Path.Join(corrected, inCorrected) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static string? NearestIn(string parent, string name, bool folder) =>
        DidYouMean.Suggest(name, Names(folder ? Directory.EnumerateDirectories(OrCurrent(parent)) : Directory.EnumerateFiles(OrCurrent(parent))));

    private static IEnumerable<string> Names(IEnumerable<string> paths) => paths.Take(MaxEntries).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal);

    private static string Folder(string path) => Path.GetDirectoryName(path) ?? "";

    private static string OrCurrent(string folder) => folder.Length == 0 ? "." : folder;
}
