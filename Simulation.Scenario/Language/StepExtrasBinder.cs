using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using IsdnSim.Scenario.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>What a step has beyond role and effort, by its kind: consultation, rework, segments, support, a period's duration, a legal fiction, committees.</summary>
internal sealed class StepExtrasBinder(YamlReader reader, ValueBinder values, ScenarioReferences references)
{
    private readonly YamlReader _r = reader;
    private readonly ValueBinder _values = values;
    private readonly ScenarioReferences _refs = references;

    /// <summary>The extras of <paramref name="step"/> (process and step id, for the reference checks), whose entry is <paramref name="map"/>.</summary>
    public StepExtras BindStepExtras(YamlMappingNode map, string what, StepKind kind, double hoursPerDay, (string Process, string Step) step)
    {
        IReadOnlyList<string> consult = [];
        CalendarDays? deadline = null;
        ReworkDefinition? rework = null;
        SupportDefinition? support = null;
        var perSegment = false;
        var (processId, stepId) = step;

        void NotFor(string key, string kinds)
        {
            if (YamlReader.GetKeyNode(map, key) is { } keyNode)
            {
                _r.Error(keyNode, $"'{key}' belongs to {kinds} steps, but {what} is a {StepKinds.Name(kind)} step");
            }
        }

        if (kind == StepKind.Consultation)
        {
            if (_r.Require(map, "consult", what, " (the roles asked)") is { } cn && _r.ScalarList(cn, $"'consult' of {what}") is { } roles)
            {
                if (roles.Count == 0)
                {
                    _r.Error(cn, $"{what} must consult at least one role");
                }

                consult = [.. roles.Select(r => r.Value)];
                foreach (var (role, node) in roles)
                {
                    _refs.StepExtraRoles.Add((processId, stepId, role, node));
                }
            }

            deadline = _r.Require(map, "deadline", what, " (after which silence counts as approval)") is { } dn ? _values.CalendarDuration(dn, $"the deadline of {what}", null) : null;
        }
        else
        {
            NotFor("consult", "consultation");
            NotFor("deadline", "consultation");
        }

        if (kind == StepKind.Approval)
        {
            if (YamlReader.Get(map, "rework") is { } rn && _r.Mapping(rn, $"the rework of {what}") is { } rm)
            {
                _r.CheckKeys(rm, "rework", ScenarioKeys.Rework);
                var p = _r.Require(rm, "probability", $"the rework of {what}") is { } pn ? _r.Number(pn, $"the rework probability of {what}", 0, 1) : null;
                var local = YamlReader.Get(rm, "local_probability") is { } ln ? _r.Number(ln, $"the local rework probability of {what}", 0, 1) : p;
                var returnsTo = _r.Require(rm, "returns_to", $"the rework of {what}", " (the earlier step whose holder reworks the file)") is { } tn ? _r.Id(tn, $"returns_to of {what}") : null;
                var effort = _r.Require(rm, "effort", $"the rework of {what}") is { } en ? _values.BindEffort(en, $"the rework effort of {what}", hoursPerDay) : null;
                var rounds = YamlReader.Get(rm, "max_rounds") is { } mn ? (int?)_r.Integer(mn, $"max_rounds of {what}", 1, 20) : 3;
                if (returnsTo is not null)
                {
                    _refs.ReturnsTo.Add((processId, stepId, returnsTo, YamlReader.Get(rm, "returns_to")!));
                }

                if (p is { } prob && local is { } lp && returnsTo is not null && effort is not null && rounds is { } r)
                {
                    rework = new ReworkDefinition(prob, lp, returnsTo, effort, r);
                }
            }
        }
        else
        {
            NotFor("rework", "approval");
        }

        CalendarDays? duration = null;
        if (kind == StepKind.Period)
        {
            duration = _r.Require(map, "duration", what, " (how long the legal period runs)") is { } dun ? _values.CalendarDuration(dun, $"the duration of {what}", null) : null;
        }
        else
        {
            NotFor("duration", "period");
        }

        CalendarDays? deemedAfter = null;
        if (kind is StepKind.Work or StepKind.Approval)
        {
            deemedAfter = YamlReader.Get(map, "deemed_after") is { } dan ? _values.CalendarDuration(dan, $"deemed_after of {what}", null) : null;
        }
        else
        {
            NotFor("deemed_after", "work and approval");
        }

        if (YamlReader.Get(map, "per_segment") is { } psn)
        {
            perSegment = _r.Boolean(psn, $"per_segment of {what}") ?? false;
        }

        if (YamlReader.Get(map, "support") is { } sn)
        {
            if (kind is StepKind.Council or StepKind.Consultation or StepKind.Period)
            {
                NotFor("support", "work and approval");
            }
            else if (_r.Mapping(sn, $"the support of {what}") is { } sm)
            {
                _r.CheckKeys(sm, "support", ScenarioKeys.Support);
                var role = _r.Require(sm, "role", $"the support of {what}") is { } rn ? _r.Id(rn, $"the support role of {what}") : null;
                var share = _r.Require(sm, "share", $"the support of {what}") is { } shn ? _r.Number(shn, $"the support share of {what}", 0, 1, minExclusive: true) : null;
                if (role is not null)
                {
                    _refs.StepExtraRoles.Add((processId, stepId, role, YamlReader.Get(sm, "role")!));
                }

                if (role is not null && share is { } sh)
                {
                    support = new SupportDefinition(role, sh);
                }
            }
        }

        IReadOnlyList<string> committees = [];
        if (kind == StepKind.Council)
        {
            if (YamlReader.Get(map, "committees") is { } cmn && _r.ScalarList(cmn, $"'committees' of {what}") is { } list)
            {
                committees = [.. list.Select(c => c.Value)];
                foreach (var (role, node) in list)
                {
                    if (list.Count(c => c.Value == role) > 1)
                    {
                        _r.Error(node, $"{what} names committee '{role}' twice");
                    }

                    _refs.StepCommittees.Add((processId, stepId, role, node));
                }
            }
        }
        else
        {
            NotFor("committees", "council");
        }


        SpecialistDefinition? specialist = null;
        if (YamlReader.Get(map, "specialist") is { } spn)
        {
            if (kind is StepKind.Council or StepKind.Consultation)
            {
                NotFor("specialist", "work and approval");
            }
            else if (_r.Mapping(spn, $"the specialist of {what}") is { } spm)
            {
                _r.CheckKeys(spm, "specialist", ScenarioKeys.Specialist);
                var minStaff = _r.Require(spm, "min_staff", $"the specialist of {what}", " (the posts an office needs to count as specialised)") is { } mn
                    ? (int?)_r.Integer(mn, $"min_staff of {what}", 1, ScenarioLimits.MaxStaff) : null;
                var factor = YamlReader.Get(spm, "effort_factor") is { } fn ? _r.Number(fn, $"the effort_factor of {what}", 0, 100, minExclusive: true) : 1;
                var extra = YamlReader.Get(spm, "extra_returns") is { } xn ? _r.Number(xn, $"extra_returns of {what}", 0, 1) : 0;
                if (YamlReader.GetKeyNode(spm, "extra_returns") is { } xk && rework is null && (kind != StepKind.Approval || YamlReader.Get(map, "rework") is null))
                {
                    _r.Error(xk, $"extra_returns raises the return probability of an approval with rework, but {what} has no rework");
                }

                if (minStaff is { } ms && factor is { } f && extra is { } x)
                {
                    specialist = new SpecialistDefinition(ms, f, x);
                }
            }
        }


        return new StepExtras(consult, deadline, rework, perSegment, support, specialist) { Discretion = BindDiscretion(map, what, kind), Duration = duration, DeemedAfter = deemedAfter, Committees = committees };
    }

    /// <summary>What a step decides; a consultation gathers statements and decides nothing.</summary>
    private Discretion? BindDiscretion(YamlMappingNode map, string what, StepKind kind)
    {
        if (YamlReader.Get(map, "discretion") is not { } dn || _r.Scalar(dn, $"the discretion of {what}") is not { } text)
        {
            return null;
        }

        if (kind == StepKind.Consultation)
        {
            _r.Error(dn, $"{what} is a consultation: it gathers statements and decides nothing, so it has no 'discretion' (give it to the step that decides)");
            return null;
        }

        if (!Discretions.TryParse(text, out var discretion))
        {
            _r.Error(dn, $"unknown discretion '{text}'{DidYouMean.Hint(text, Discretions.All)} (expected one of: {Discretions.Table.Expected})");
            return null;
        }

        return discretion;
    }
}
