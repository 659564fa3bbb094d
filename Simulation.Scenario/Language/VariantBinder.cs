using System.Runtime.ExceptionServices;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Variants;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>Variants: named lists of operations, each read by the syntax its operation registers, checked here and again once applied.</summary>
internal sealed class VariantBinder(YamlReader reader, ValueBinder values, ScenarioReferences references)
{
    private readonly YamlReader _r = reader;
    private readonly ValueBinder _values = values;
    private readonly ScenarioReferences _refs = references;

    public List<VariantDefinition> BindVariants(YamlNode node)
    {
        var variants = new List<VariantDefinition>();
        if (_r.Sequence(node, "variants") is not { } seq)
        {
            return variants;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in seq.Children)
        {
            if (_r.Mapping(item, "a variant") is not { } map)
            {
                continue;
            }

            _r.CheckKeys(map, "a variant", ScenarioKeys.Variant);
            var id = _r.Require(map, "id", "a variant") is { } idn ? _r.Id(idn, "the variant id") : null;
            if (id is not null && !ids.Add(id))
            {
                _r.Error(YamlReader.Get(map, "id")!, $"duplicate variant id '{id}'");
            }

            var what = $"variant '{id ?? "?"}'";
            var name = YamlReader.Get(map, "name") is { } nn ? _r.Scalar(nn, $"the name of {what}") : id;
            var description = YamlReader.Get(map, "description") is { } dn ? _r.Scalar(dn, $"the description of {what}") : null;
            var operations = new List<VariantOperation>();
            if (YamlReader.Get(map, "operations") is { } on && _r.Sequence(on, $"the operations of {what}") is { } ops)
            {
                foreach (var opNode in ops.Children)
                {
                    if (_r.Mapping(opNode, $"an operation of {what}") is { } opMap && BindOperation(opMap, what) is { } op)
                    {
                        operations.Add(op);
                    }
                }
            }

            if (id is not null && name is not null)
            {
                variants.Add(new VariantDefinition(id, name, description, operations, YamlReader.At(map)));
            }
        }

        return variants;
    }

    private VariantOperation? BindOperation(YamlMappingNode map, string variant)
    {
        var opNode = _r.Require(map, "op", $"an operation of {variant}");
        var op = opNode is null ? null : _r.Scalar(opNode, "the operation");
        if (op is null)
        {
            return null;
        }

        if (VariantOperations.Find(op) is not { } syntax)
        {
            _r.Error(opNode!, $"unknown operation '{op}'{DidYouMean.Hint(op, VariantOperations.Names)} (expected one of: {string.Join(", ", VariantOperations.Names)})");
            return null;
        }

        _r.CheckKeys(map, $"a {op} operation", syntax.Keys);
        return syntax.Bind(new OperationReader(_r, _values, _refs, map, $"the {op} operation of {variant}"));
    }

    /// <summary>
    /// Applies every variant (of <paramref name="only"/>; null: every one) and checks the result as
    /// the scenario itself was checked, so 'validate' catches a broken variant too; made side by
    /// side with <paramref name="alongside"/> (the file's own check). Nothing is reported yet: the
    /// caller reports what <paramref name="alongside"/> found, then the variants' problems
    /// (<see cref="VariantChecks.Report"/>) only if the file passed, as one check after the other would.
    /// </summary>
    /// <remarks>
    /// Each variant is applied to the same immutable definition and checked on its own, so they are
    /// checked side by side on the machine's cores (at Germany's size, four variants of hundreds of
    /// operations each take tenths of a second, as does the file's check); their problems are
    /// reported in the variants' order, as one after the other would, and an unexpected failure is
    /// rethrown for the file's check or else the first variant that had one.
    /// </remarks>
    public VariantChecks CheckVariantsApply(ScenarioDefinition definition, IReadOnlySet<string>? only,
        Func<IReadOnlyList<(SourcePosition At, string Message)>> alongside)
    {
        var variants = definition.Variants.Where(v => only is null || only.Contains(v.Id)).ToList();
        var found = new IReadOnlyList<(SourcePosition At, string Message)>[variants.Count + 1];
        var failed = new ExceptionDispatchInfo?[variants.Count + 1];
        Parallel.For(0, variants.Count + 1, i =>
        {
            try
            {
                found[i] = i == 0 ? alongside() : Problems(definition, variants[i - 1]);
            }
            catch (Exception e)
            {
                failed[i] = ExceptionDispatchInfo.Capture(e);
            }
        });
        failed[0]?.Throw();
        return new VariantChecks(found[0], () =>
        {
            for (var i = 1; i <= variants.Count; i++)
            {
                failed[i]?.Throw();
                foreach (var (at, message) in found[i])
                {
                    _r.Error(at, message);
                }
            }
        });
    }

    /// <summary>What the check made alongside the variants' found, and the variants' problems, to be reported.</summary>
    public sealed record VariantChecks(IReadOnlyList<(SourcePosition At, string Message)> Alongside, Action Report);

    /// <summary>
    /// What applying <paramref name="variant"/> to <paramref name="definition"/> leaves unusable, each at the operation that wrote it (else at the variant).
    /// <paramref name="definition"/> has passed <see cref="ScenarioChecks"/>, or what is found here is used only if it passes
    /// (a run's other variants are checked beside the file's own check): a variant without operations leaves it as it was,
    /// and what a variant leaves unchanged is not checked again (see <see cref="ScenarioChecks.Check(ScenarioDefinition, ScenarioDefinition?)"/>).
    /// </summary>
    internal static IReadOnlyList<(SourcePosition At, string Message)> Problems(ScenarioDefinition definition, VariantDefinition variant)
    {
        if (variant.Operations.Count == 0)
        {
            return [];
        }

        try
        {
            var applied = VariantApplier.Apply(definition, variant.Id);
            return [.. ScenarioChecks.Check(applied, passed: definition).Select(p =>
                (variant.Operations.Any(o => o.Position == p.At) ? p.At : variant.Position, $"variant '{variant.Id}' leaves the scenario unusable: {p.Message}"))];
        }
        catch (ScenarioException e)
        {
            return [.. e.Diagnostics.Select(d => (d.Position, d.Message))];
        }
    }
}
