using IsdnSim.Scenario.Diagnostics;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// The scenarios the last few runs read from texts of their own (a design point's text, with the
/// point's values written in), by the text's value, so that the variants of one point read it
/// once: the text is parsed and validated with no variant applied, and each variant's application
/// is checked once, when a run of it first asks. Bounded, the least recently asked dropped first,
/// so a long-lived silo keeps only a few definitions it no longer runs.
/// </summary>
internal sealed class RecentParses(int capacity)
{
    private readonly LinkedList<Entry> _entries = [];
    private readonly Lock _gate = new();

    public LoadedScenario Get(string text, string file, string? variant)
    {
        Entry entry;
        lock (_gate)
        {
            var node = _entries.First;
            while (node is not null && !(node.Value.File == file && node.Value.Text.Length == text.Length && node.Value.Text == text))
            {
                node = node.Next;
            }

            if (node is null)
            {
                node = _entries.AddFirst(new Entry(text, file));
                if (_entries.Count > capacity)
                {
                    _entries.RemoveLast();
                }
            }
            else if (node != _entries.First)
            {
                _entries.Remove(node);
                _entries.AddFirst(node);
            }

            entry = node.Value;
        }

        // A text that does not read throws here, for every run that asks, with the same message.
        var loaded = entry.Parsed.Value;
        if (variant is not null && entry.Problems(variant) is { } problem)
        {
            throw problem;
        }

        return loaded;
    }

    private sealed class Entry(string text, string file)
    {
        private readonly Dictionary<string, ScenarioException?> _checked = new(StringComparer.Ordinal);

        public string Text { get; } = text;

        public string File { get; } = file;

        public Lazy<LoadedScenario> Parsed { get; } = new(() => ScenarioLoader.Parse(text, file, new HashSet<string>()), LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>Why <paramref name="variant"/> cannot be applied to the text, or null (also for a variant the text does not have: applying it reports that).</summary>
        public ScenarioException? Problems(string variant)
        {
            lock (_checked)
            {
                if (!_checked.TryGetValue(variant, out var problem))
                {
                    var definition = Parsed.Value.Definition;
                    var found = definition.Variants.FirstOrDefault(v => v.Id == variant);
                    var problems = found is null ? [] : VariantBinder.Problems(definition, found)
                        .Select(p => new ScenarioDiagnostic(File, p.At, p.Message))
                        .OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column).ToList();
                    problem = problems.Count == 0 ? null : new ScenarioException(problems);
                    _checked[variant] = problem;
                }

                return problem;
            }
        }
    }
}
