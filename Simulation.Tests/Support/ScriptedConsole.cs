using Spectre.Console;
using Spectre.Console.Rendering;

namespace IsdnSim.Tests.Support;

/// <summary>
/// A console that says it is an interactive terminal and types the given keys: for commands that
/// read the keyboard (isdnsim replay). What they write goes to <paramref name="output"/>, without colours;
/// <see cref="Clear"/> writes a marker line, so a test sees each screen. The terminal is
/// <paramref name="width"/> × <paramref name="height"/> characters.
/// </summary>
internal sealed class ScriptedConsole : IAnsiConsole
{
    private readonly IAnsiConsole _inner;

    public const string ScreenMarker = "=== screen ===";

    public ScriptedConsole(TextWriter output, IEnumerable<ConsoleKeyInfo> keys, int width = 160, int height = 40)
    {
        _inner = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
        _inner.Profile.Width = width;
        _inner.Profile.Height = height;
        Input = new Keys(keys);
    }

    public Profile Profile => _inner.Profile;

    public IAnsiConsoleCursor Cursor => _inner.Cursor;

    public IAnsiConsoleInput Input { get; }

    public IExclusivityMode ExclusivityMode => _inner.ExclusivityMode;

    public RenderPipeline Pipeline => _inner.Pipeline;

    public void Clear(bool home) => _inner.Write(new Text($"\n{ScreenMarker}\n"));

    public void Write(IRenderable renderable) => _inner.Write(renderable);

    public void WriteAnsi(Action<AnsiWriter> action) => _inner.WriteAnsi(action);

    public static ConsoleKeyInfo Key(ConsoleKey key, char c = '\0') => new(c, key, false, false, false);

    /// <summary>Each character of <paramref name="text"/> typed, then Enter.</summary>
    public static IEnumerable<ConsoleKeyInfo> Typed(string text) =>
        [.. text.Select(c => new ConsoleKeyInfo(c, char.IsAsciiLetter(c) ? Enum.Parse<ConsoleKey>(char.ToUpperInvariant(c).ToString()) : ConsoleKey.Oem1, false, false, false)),
         Key(ConsoleKey.Enter, '\r')];

    private sealed class Keys(IEnumerable<ConsoleKeyInfo> keys) : IAnsiConsoleInput
    {
        private readonly Queue<ConsoleKeyInfo> _keys = new(keys);

        public bool IsKeyAvailable() => _keys.Count > 0;

        public ConsoleKeyInfo? ReadKey(bool intercept) => _keys.Count > 0 ? _keys.Dequeue() : null;

        public Task<ConsoleKeyInfo?> ReadKeyAsync(bool intercept, CancellationToken cancellationToken) => Task.FromResult(ReadKey(intercept));
    }
}
