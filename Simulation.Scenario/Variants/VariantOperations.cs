namespace IsdnSim.Scenario.Variants;

/// <summary>
/// Every variant operation, in the order messages list them. An operation is one file (its record
/// with <c>Syntax</c>, <c>Describe</c> and <c>Apply</c>) plus its line here; tests check that each is
/// in the JSON Schema and in docs/scenario-format.md.
/// </summary>
public static class VariantOperations
{
    public static IReadOnlyList<OperationSyntax> All { get; } =
    [
        MergeDistricts.Syntax,
        ScaleStaff.Syntax,
        DelegateRole.Syntax,
        AddWorkingGroup.Syntax,
        Liaison.Syntax,
        CouncilCadence.Syntax,
        SetHandoff.Syntax,
        Unify.Syntax,
        ScaleRework.Syntax,
        AddCost.Syntax,
        Repeal.Syntax,
        JointMandate.Syntax,
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(o => o.Name)];

    public static OperationSyntax? Find(string name) => All.FirstOrDefault(o => o.Name == name);
}
