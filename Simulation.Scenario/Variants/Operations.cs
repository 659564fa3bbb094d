using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using IsdnSim.Scenario.Diagnostics;

namespace IsdnSim.Scenario.Variants;

/// <summary>What each variant operation does to a scenario definition.</summary>
internal static class Operations
{
    public static ScenarioDefinition Merge(ScenarioDefinition s, MergeDistricts op, VariantDefinition variant)
    {
        var districts = op.Districts.Select(id => Agent(s, id, op, variant)).ToList();
        foreach (var d in districts.Where(d => d.Kind != AgentKind.District))
        {
            throw Fail(op, variant, $"merge_districts: '{d.Id}' is a {AgentKinds.Name(d.Kind)}, not a district");
        }

        if (districts.Select(d => d.Parent).Distinct().Count() > 1)
        {
            throw Fail(op, variant, $"merge_districts: {string.Join(", ", districts.Select(d => $"'{d.Id}' (in {d.Parent ?? "no state"})"))} are not in the same state; districts merge within a state");
        }

        RequireFreeId(s, op.Into, op.Districts, op, variant);
        var merged = new AgentDefinition(op.Into, AgentKind.District, op.Name, SumPopulation(districts), districts[0].Parent,
            Pool(districts.SelectMany(d => d.Agencies), op.StaffFactor, op, variant), districts[0].Position);
        var result = Replace(s, op.Districts, merged);
        return op.Handoff is { } h ? Handoff(result, "municipal", op.Into, h, op.Position, variant) : result;
    }

    public static ScenarioDefinition Scale(ScenarioDefinition s, ScaleStaff op, VariantDefinition variant)
    {
        RequireAgents(s, op.Agents, op, variant);
        var changed = 0;
        var agents = s.Agents.Select(a =>
        {
            var agentMatches = (op.Kind is null || a.Kind == op.Kind) && (op.Agents is null || op.Agents.Contains(a.Id));
            if (!agentMatches)
            {
                return a;
            }

            return a with
            {
                Agencies = [.. a.Agencies.Select(g =>
                {
                    if (g.IsCouncil || (op.Agency is not null && g.Id != op.Agency) || (op.Role is not null && !g.Roles.Contains(op.Role)))
                    {
                        return g;
                    }

                    changed++;
                    return g with { Staff = Staffing(g.Staff * op.Factor) };
                })],
            };
        }).ToList();
        return changed == 0 ? throw Fail(op, variant, "scale_staff matches no agency with staff; check kind, agents, agency and role") : s with { Agents = agents };
    }

    public static ScenarioDefinition Delegate(ScenarioDefinition s, DelegateRole op, VariantDefinition variant)
    {
        var resolver = new JurisdictionResolver(s.Agents, s.Jurisdiction);
        var municipalities = s.Agents.Where(a => a.Kind == AgentKind.Municipality && a.Population is not null).ToList();
        var holders = municipalities.Select(m => (Municipality: m, Resolution: resolver.Resolve(m.Id, op.Role))).Where(x => x.Resolution.Ok).ToList();
        var delegated = holders.Where(x => x.Municipality.Population >= op.MinPopulation && x.Resolution.Agent!.Id != x.Municipality.Id).ToList();
        if (delegated.Count == 0)
        {
            throw Fail(op, variant, $"delegate: no municipality of {op.MinPopulation:N0}+ inhabitants has '{op.Role}' held by someone else");
        }

        // Each delegated municipality takes its population's share of its former holder's staff,
        // less the share of the work the former holder keeps doing as a service.
        var served = holders.GroupBy(x => (x.Resolution.Agent!.Id, x.Resolution.Agency!.Id))
            .ToDictionary(g => g.Key, g => g.Sum(x => (double)x.Municipality.Population!.Value));
        var transfers = delegated.Select(x =>
        {
            var key = (x.Resolution.Agent!.Id, x.Resolution.Agency!.Id);
            return (x.Municipality, Holder: key, Name: x.Resolution.Agency.Name, x.Resolution.Agency.Productivity,
                Staff: Staffing(x.Resolution.Agency.Staff * x.Municipality.Population!.Value / served[key] * (1 - op.SupportShare)));
        }).ToList();

        // A second delegation of the same role reuses the support role the first one introduced.
        var supportRole = op.Role + "-support";
        var supportExists = s.Jurisdiction.Any(j => j.Role == supportRole);
        var agents = s.Agents.Select(a =>
        {
            if (transfers.FirstOrDefault(t => t.Municipality.Id == a.Id) is { Municipality: not null } t)
            {
                var agency = new AgencyDefinition("delegated-" + op.Role, $"{t.Name} (delegated)", [op.Role], t.Staff, t.Productivity, a.Position);
                return a with { Agencies = [.. a.Agencies, agency] };
            }

            return a with
            {
                Agencies = [.. a.Agencies.Select(g =>
                {
                    // Every holder of the role offers support under a role of its own (which resolves
                    // as the role did); where it still holds the role itself, support is its own work.
                    var holds = g.Roles.Contains(op.Role);
                    var given = transfers.Where(x => x.Holder == (a.Id, g.Id)).Sum(x => x.Staff);
                    return g with
                    {
                        Staff = given > 0 ? Math.Max(1, g.Staff - given) : g.Staff,
                        Roles = holds && op.SupportShare > 0 && !supportExists ? [.. g.Roles, supportRole] : g.Roles,
                    };
                })],
            };
        }).ToList();

        var jurisdiction = s.Jurisdiction.Select(j => j.Role != op.Role ? j : j with
        {
            Overrides = new Dictionary<string, string>(j.Overrides.Concat(transfers.Select(t => KeyValuePair.Create(t.Municipality.Id, t.Municipality.Id)))),
        }).ToList();
        var processes = s.Processes;
        if (op.SupportShare > 0)
        {
            if (!supportExists)
            {
                var original = s.Jurisdiction.First(j => j.Role == op.Role);
                jurisdiction.Add(original with { Role = supportRole, Overrides = original.Overrides });
            }

            processes = [.. s.Processes.Select(p => p with
            {
                Steps = [.. p.Steps.Select(step => step.Role == op.Role && step.Kind is StepKind.Work or StepKind.Approval
                    ? step with { Support = new SupportDefinition(supportRole, op.SupportShare) }
                    : step)],
            })];
        }

        return s with { Agents = agents, Jurisdiction = jurisdiction, Processes = processes };
    }

    public static ScenarioDefinition Liaison(ScenarioDefinition s, Liaison op, VariantDefinition variant)
    {
        var agent = Agent(s, op.Agent, op, variant);
        if (!agent.Agencies.Any(g => !g.IsCouncil))
        {
            throw Fail(op, variant, $"liaison: '{op.Agent}' has no agency with staff");
        }

        var result = s with
        {
            Agents = [.. s.Agents.Select(a => a.Id != op.Agent ? a : a with
            {
                Agencies = [.. a.Agencies.Select(g => g.IsCouncil ? g : g with { PriorityQueue = true, ProjectPriority = op.Priority })],
            })],
        };
        return op.Response is { } r ? Handoff(result, "municipal", op.Agent, r, op.Position, variant) : result;
    }

    public static ScenarioDefinition Cadence(ScenarioDefinition s, CouncilCadence op, VariantDefinition variant)
    {
        RequireAgents(s, op.Agents, op, variant);
        var changed = 0;
        var agents = s.Agents.Select(a =>
        {
            if ((op.Kind is not null && a.Kind != op.Kind) || (op.Agents is not null && !op.Agents.Contains(a.Id)))
            {
                return a;
            }

            return a with
            {
                Agencies = [.. a.Agencies.Select(g =>
                {
                    if (g.Sessions is not { } sessions)
                    {
                        return g;
                    }

                    changed++;
                    return g with { Sessions = sessions with { Every = op.Every, Agenda = op.Agenda ?? sessions.Agenda } };
                })],
            };
        }).ToList();
        return changed == 0 ? throw Fail(op, variant, "council_cadence matches no council (an agency with sessions)") : s with { Agents = agents };
    }

    public static ScenarioDefinition Handoff(ScenarioDefinition s, string a, string b, CalendarDays latency, SourcePosition at, VariantDefinition variant)
    {
        if (latency.Value < s.Lookahead.Value)
        {
            throw new ScenarioException([new ScenarioDiagnostic("", at,
                $"variant '{variant.Id}': a hand-off of {latency} between {a} and {b} is shorter than the lookahead ({s.Lookahead})")]);
        }

        // Later rules win over earlier ones of the same specificity, so a variant overrides the file.
        return s with { Handoff = s.Handoff with { Rules = [.. s.Handoff.Rules, new HandoffRule(a, b, latency, at)] } };
    }

    public static ScenarioDefinition Unify(ScenarioDefinition s, Unify op, VariantDefinition variant)
    {
        var district = Agent(s, op.District, op, variant);
        if (district.Kind != AgentKind.District)
        {
            throw Fail(op, variant, $"unify: '{op.District}' is a {AgentKinds.Name(district.Kind)}, not a district");
        }

        var resolver = new JurisdictionResolver(s.Agents, s.Jurisdiction);
        var below = s.Agents.Where(a => a.Id != district.Id && resolver.Ancestors(a.Id).Any(x => x.Id == district.Id)).ToList();
        var quarters = below.Where(a => a.Kind == AgentKind.Municipality).ToList();
        var amter = below.Where(a => a.Kind == AgentKind.Amt).ToList();
        RequireFreeId(s, op.Into, [op.District, .. quarters.Select(q => q.Id), .. amter.Select(a => a.Id)], op, variant);

        // One council for the one territory: the councils' agenda capacities pooled (the Kreistag's
        // too, as its matters come to the city), meeting as the largest municipality's council does.
        var absorbed = new[] { district }.Concat(amter).Concat(quarters).ToList();
        var councils = absorbed.SelectMany(a => a.Agencies.Where(g => g.IsCouncil).Select(g => (Agent: a, Council: g))).ToList();
        var staffed = absorbed.SelectMany(a => a.Agencies.Where(g => !g.IsCouncil));
        var agencies = Pool(staffed, 1.0, op, variant);
        if (councils.Count > 0)
        {
            var municipal = councils.Where(c => c.Agent.Kind == AgentKind.Municipality).ToList();
            var lead = (municipal.Count > 0 ? municipal : councils).OrderByDescending(c => c.Agent.Population ?? 0).First().Council;
            var agenda = (int)Math.Min(100_000, councils.Sum(c => (long)c.Council.Sessions!.Agenda));
            agencies.Add(lead with
            {
                Id = "council",
                Name = $"{op.Name} council",
                Roles = [.. councils.SelectMany(c => c.Council.Roles).Distinct()],
                Sessions = lead.Sessions! with { Agenda = agenda },
            });
            CheckRolesUnique(agencies, op, variant);
        }

        var city = new AgentDefinition(op.Into, AgentKind.City, op.Name, SumPopulation(quarters), district.Parent, agencies, district.Position);
        var gone = new HashSet<string>([district.Id, .. amter.Select(a => a.Id)], StringComparer.Ordinal);
        var quarterIds = quarters.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var agents = new List<AgentDefinition>();
        foreach (var a in s.Agents)
        {
            if (a.Id == district.Id)
            {
                agents.Add(city);
            }
            else if (quarterIds.Contains(a.Id))
            {
                // A quarter (Ortsteil): projects still arise here, but the city does all the work.
                agents.Add(a with { Parent = op.Into, Agencies = [] });
            }
            else if (!gone.Contains(a.Id))
            {
                agents.Add(a.Parent is { } p && (gone.Contains(p) || quarterIds.Contains(p)) ? a with { Parent = op.Into } : a);
            }
        }

        // Roles that quarters held themselves, or through an Amt, now belong to the city.
        var moved = new HashSet<string>([.. gone, .. quarterIds], StringComparer.Ordinal);
        var jurisdiction = s.Jurisdiction.Select(j =>
        {
            var overrides = j.Overrides.ToDictionary(kv => kv.Key, kv => moved.Contains(kv.Value) ? op.Into : kv.Value);
            if (j.Holder.Self || j.Holder.Administration || j.Holder.Level == AdministrativeLevel.Amt)
            {
                foreach (var q in quarterIds)
                {
                    overrides[q] = op.Into;
                }
            }

            var holder = j.Holder.AgentId is { } id && moved.Contains(id) ? new JurisdictionHolder(false, null, op.Into) : j.Holder;
            return j with { Holder = holder, Overrides = overrides };
        }).ToList();
        return Rename(s with { Agents = agents, Jurisdiction = jurisdiction }, moved, op.Into);
    }

    /// <summary>Agencies with the same id pooled: staff added and scaled, productivity staff-weighted, roles united, background rates added.</summary>
    private static List<AgencyDefinition> Pool(IEnumerable<AgencyDefinition> agencies, double staffFactor, VariantOperation op, VariantDefinition variant)
    {
        var pooled = new List<AgencyDefinition>();
        foreach (var group in agencies.GroupBy(g => g.Id))
        {
            var list = group.ToList();
            var first = list[0];
            if (first.IsCouncil)
            {
                var agenda = (int)Math.Min(100_000, list.Sum(g => (long)(g.Sessions?.Agenda ?? 0)));
                pooled.Add(first with { Roles = [.. list.SelectMany(g => g.Roles).Distinct()], Sessions = first.Sessions! with { Agenda = agenda } });
                continue;
            }

            var staff = list.Sum(g => g.Staff);
            pooled.Add(first with
            {
                Staff = Staffing(staff * staffFactor),
                Productivity = list.Sum(g => g.Staff * g.Productivity) / staff,
                Roles = [.. list.SelectMany(g => g.Roles).Distinct()],
                Background = first.Background is { } b ? b with { Rate = new ArrivalRate(list.Sum(g => g.Background?.Rate.PerDay ?? 0)) } : null,
            });
        }

        CheckRolesUnique(pooled, op, variant);
        return pooled;
    }

    private static void CheckRolesUnique(List<AgencyDefinition> agencies, VariantOperation op, VariantDefinition variant)
    {
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var g in agencies)
        {
            foreach (var role in g.Roles)
            {
                if (!owner.TryAdd(role, g.Id) && owner[role] != g.Id)
                {
                    throw Fail(op, variant, $"after merging, role '{role}' would be held by agencies '{owner[role]}' and '{g.Id}' of one agent; give the agencies the same id to pool them");
                }
            }
        }
    }

    /// <summary>Puts <paramref name="merged"/> where the first of <paramref name="ids"/> stood, and points every reference to the others at it.</summary>
    private static ScenarioDefinition Replace(ScenarioDefinition s, IReadOnlyList<string> ids, AgentDefinition merged)
    {
        var gone = ids.ToHashSet(StringComparer.Ordinal);
        var agents = new List<AgentDefinition>();
        foreach (var a in s.Agents)
        {
            if (a.Id == ids[0])
            {
                agents.Add(merged);
            }
            else if (!gone.Contains(a.Id))
            {
                agents.Add(a.Parent is { } p && gone.Contains(p) ? a with { Parent = merged.Id } : a);
            }
        }

        var jurisdiction = s.Jurisdiction.Select(j => j with
        {
            Holder = j.Holder.AgentId is { } id && gone.Contains(id) ? new JurisdictionHolder(false, null, merged.Id) : j.Holder,
            Overrides = j.Overrides.ToDictionary(kv => kv.Key, kv => gone.Contains(kv.Value) ? merged.Id : kv.Value),
        }).ToList();
        return Rename(s with { Agents = agents, Jurisdiction = jurisdiction }, gone, merged.Id);
    }

    /// <summary>Hand-off rules and working groups that named a merged agent now name the new one.</summary>
    private static ScenarioDefinition Rename(ScenarioDefinition s, HashSet<string> gone, string into)
    {
        string Map(string id) => gone.Contains(id) ? into : id;
        string MapMember(string m) => m.StartsWith("below:", StringComparison.Ordinal) ? "below:" + Map(m[6..]) : Map(m);
        return s with
        {
            Handoff = s.Handoff with { Rules = [.. s.Handoff.Rules.Select(r => r with { A = Map(r.A), B = Map(r.B) })] },
            WorkingGroups = [.. s.WorkingGroups.Select(g => g with { Members = [.. g.Members.Select(MapMember).Distinct()] })],
        };
    }

    private static void RequireFreeId(ScenarioDefinition s, string id, IReadOnlyList<string> replaced, VariantOperation op, VariantDefinition variant)
    {
        if (s.Agents.Any(a => a.Id == id) && !replaced.Contains(id))
        {
            throw Fail(op, variant, $"'{id}' is already an agent; choose another id for the result");
        }
    }

    private static void RequireAgents(ScenarioDefinition s, IReadOnlyList<string>? ids, VariantOperation op, VariantDefinition variant)
    {
        foreach (var id in ids ?? [])
        {
            Agent(s, id, op, variant);
        }
    }

    private static int? SumPopulation(IEnumerable<AgentDefinition> agents)
    {
        var list = agents.ToList();
        return list.Any(a => a.Population is not null) ? list.Sum(a => a.Population ?? 0) : null;
    }

    /// <summary>Staff are whole people: rounded half away from zero, and never fewer than one.</summary>
    internal static int Staffing(double staff) => Math.Max(1, (int)Math.Round(staff, MidpointRounding.AwayFromZero));

    private static AgentDefinition Agent(ScenarioDefinition s, string id, VariantOperation op, VariantDefinition variant) =>
        s.Agents.FirstOrDefault(a => a.Id == id) ?? throw Fail(op, variant, $"'{id}' is not an agent (any more: an earlier operation of this variant may have merged it)");

    private static ScenarioException Fail(VariantOperation op, VariantDefinition variant, string message) =>
        new([new ScenarioDiagnostic("", op.Position, $"variant '{variant.Id}': {message}")]);
}
