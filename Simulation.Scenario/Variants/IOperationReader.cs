using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;

namespace IsdnSim.Scenario.Variants;

/// <summary>
/// What an operation reads from its entry in a variant's list. The scenario language implements
/// it over the YAML tree: every read reports its own problem (at the file, line and column of
/// the value) and returns null, and agent and role names are remembered to be checked once the
/// whole file is read. A key that is absent reads as null too; <see cref="Has"/> tells the two apart.
/// </summary>
public interface IOperationReader
{
    /// <summary>"the merge_districts operation of variant 'austerity'", for messages.</summary>
    string What { get; }

    SourcePosition Position { get; }

    bool Has(string key);

    /// <summary>Reports a missing key; true if it is there.</summary>
    bool Require(string key, string hint = "");

    /// <summary>A problem of the operation as a whole, reported at the operation.</summary>
    void Error(string message);

    string? Text(string key, string what);

    string? Id(string key, string what);

    double? Number(string key, string what, double min, double max, bool minExclusive = false);

    int? Integer(string key, string what, int min, int max);

    /// <summary>A calendar duration longer than zero.</summary>
    CalendarDays? Duration(string key, string what);

    AgentKind? Kind(string key);

    /// <summary>A role, checked against the jurisdiction.</summary>
    string? Role(string key);

    /// <summary>An agent of the scenario or one an earlier operation creates.</summary>
    string? Agent(string key);

    IReadOnlyList<string>? Agents(string key);

    /// <summary>The id of an agent this operation creates; later operations may name it.</summary>
    string? NewAgentId(string key);

    /// <summary>Two endpoints of a hand-off rule, each a level word or an agent.</summary>
    (string A, string B)? Pair(string key);

    /// <summary>id, members, below and every, as a working group is written.</summary>
    WorkingGroupDefinition? WorkingGroup();

    /// <summary>A process, checked against the file's processes.</summary>
    string? Process(string key);

    /// <summary>A step of the process named under <paramref name="processKey"/>, checked against its steps.</summary>
    string? Step(string key, string processKey);

    /// <summary>id, name, amount, posts and pay_group, as a cost item of the costs section is written (which the scenario must have); who bears it the operation reads itself.</summary>
    YearlyCostDefinition? CostItem();
}
