namespace IsdnSim.Kernel.Definitions;

/// <summary>
/// How the values of an enum are spelled in scenario files: one table read in both directions,
/// so a name and its value cannot drift apart (as two parallel lists could).
/// </summary>
public sealed class NameTable<T>
    where T : struct, Enum
{
    private readonly (T Value, string Name)[] _entries;

    public NameTable(params (T Value, string Name)[] entries)
    {
        _entries = entries;
        Names = [.. entries.Select(e => e.Name)];
    }

    /// <summary>The names in the order of the table (the order messages list them in).</summary>
    public IReadOnlyList<string> Names { get; }

    public string Name(T value)
    {
        foreach (var (v, name) in _entries)
        {
            if (EqualityComparer<T>.Default.Equals(v, value))
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"no name for {typeof(T).Name}.{value}");
    }

    public bool TryParse(string text, out T value)
    {
        foreach (var (v, name) in _entries)
        {
            if (name == text)
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The names for a message: "a, b, c".</summary>
    public string Expected => string.Join(", ", Names);
}
