using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using IsdnSim.Presentation.Labels;

namespace IsdnSim.Presentation.Tracing.Replay;

/// <summary>
/// The data of the replay page as compact JSON: per trace, string tables (agents, agencies,
/// processes and steps) that the rest refers to by index, each agency's queue series, and each
/// project's timeline. <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> are escaped everywhere, so the
/// JSON can stand inside a script element whatever the names hold.
/// </summary>
/// <remarks>
/// <code>
/// { "runs": [RUN, RUN?] }
/// RUN      = { scenario, file, variant (null: as written), label (the variant as people read it: "status quo"), seed (text), replication, start (YYYY-MM-DD),
///              horizon, end (days: the run's time ends there), complete, endReason,
///              agents: [[id, name, kind]], agencies: [[agent, id, name, staff, council 0|1]],
///              processes: [[id, name, [[id, name, kind, [after step]]]]],
///              queues: per agency [[t], [queue], [busy or null]],
///              projects: [{ id, process, owner (agent), arrive, finish|null, lead|null, lanes: [LANE] }] }
/// LANE     = [step, segment|null, role ("step", "consult", "rework", "support"), agent|null, agency|null,
///             ready|null, done|null, critical 0|1, [BAR], [MARK]]
///            (for a step's own lane: the agent and agency that completed it)
/// BAR      = ["h", from, to, sender agent, receiver agent, message, open 0|1]     a hand-off
///          | ["w", from, to, agency, work, held 0|1, open 0|1]                    waiting in a queue
///          | ["k", from, to, agency, work, 0, open 0|1]                          in work
///          | ["c", from, to, agency, work, 0, open 0|1]                          on a council's agenda
///          | ["p", from, to, agency, work, 0, open 0|1]                          a legal period running
/// MARK     = ["r" (returned for rework) | "l" (consultation lapsed) | "m" (settled at a meeting) | "d" (done by law: a legal fiction),
///             t, agent, receiver agent|null]
/// </code>
/// Times are days since the trace's start, with every digit the trace has.
/// </remarks>
internal static class ReplayData
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string ToJson(IReadOnlyList<TraceFile> traces)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("runs");
            foreach (var trace in traces)
            {
                WriteRun(json, trace);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteRun(Utf8JsonWriter json, TraceFile trace)
    {
        var info = trace.Info;
        var tables = new Tables(info);
        var projects = ProjectTimeline.FromTrace(trace);
        var queues = QueueSeries.FromTrace(trace);

        // Names that only the events hold join the tables before these are written.
        foreach (var project in projects)
        {
            tables.Agent(project.Owner);
            foreach (var lane in project.Lanes)
            {
                tables.Step(project.Process, lane.Step);
                Index(tables, lane);
                foreach (var bar in lane.Bars)
                {
                    tables.Agent(bar.Agent);
                    _ = bar.Receiver is null ? 0 : tables.Agent(bar.Receiver);
                    _ = bar.Agency is null ? 0 : tables.Agency(bar.Agent, bar.Agency);
                }

                foreach (var mark in lane.Marks)
                {
                    tables.Agent(mark.Agent);
                    _ = mark.Receiver is null ? 0 : tables.Agent(mark.Receiver);
                }
            }
        }

        foreach (var key in queues.Keys)
        {
            tables.Agency(key.Agent, key.Agency);
        }

        json.WriteStartObject();
        json.WriteString("scenario", info.Scenario);
        json.WriteString("file", info.File);
        json.WriteString("variant", info.Variant);
        json.WriteString("label", DisplayNames.Variant(info.Variant));
        json.WriteString("seed", info.Seed.ToString(CultureInfo.InvariantCulture));
        json.WriteNumber("replication", info.Replication);
        json.WriteString("start", info.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteNumber("horizon", info.HorizonDays);
        json.WriteNumber("end", ProjectTimeline.RunEnd(trace));
        json.WriteBoolean("complete", trace.Complete);
        json.WriteString("endReason", trace.EndReason);

        json.WriteStartArray("agents");
        foreach (var (id, name, kind) in tables.Agents)
        {
            Row(json, () =>
            {
                json.WriteStringValue(id);
                json.WriteStringValue(name);
                json.WriteStringValue(kind);
            });
        }

        json.WriteEndArray();

        json.WriteStartArray("agencies");
        foreach (var (agent, id, name, staff, council) in tables.Agencies)
        {
            Row(json, () =>
            {
                json.WriteNumberValue(agent);
                json.WriteStringValue(id);
                json.WriteStringValue(name);
                json.WriteNumberValue(staff);
                json.WriteNumberValue(council ? 1 : 0);
            });
        }

        json.WriteEndArray();

        json.WriteStartArray("processes");
        foreach (var process in tables.Processes)
        {
            Row(json, () =>
            {
                json.WriteStringValue(process.Id);
                json.WriteStringValue(process.Name);
                json.WriteStartArray();
                foreach (var step in process.Steps)
                {
                    Row(json, () =>
                    {
                        json.WriteStringValue(step.Id);
                        json.WriteStringValue(step.Name);
                        json.WriteStringValue(step.Kind);
                        json.WriteStartArray();
                        foreach (var after in step.After)
                        {
                            json.WriteNumberValue(process.Steps.FindIndex(s => s.Id == after));
                        }

                        json.WriteEndArray();
                    });
                }

                json.WriteEndArray();
            });
        }

        json.WriteEndArray();

        json.WriteStartArray("queues");
        foreach (var (agent, agency) in tables.AgencyKeys)
        {
            var series = queues.GetValueOrDefault((agent, agency));
            Row(json, () =>
            {
                Numbers(json, series?.T ?? []);
                Numbers(json, series?.Queue.Select(q => (double)q) ?? []);
                json.WriteStartArray();
                foreach (var busy in series?.Busy ?? [])
                {
                    if (busy is { } b)
                    {
                        json.WriteNumberValue(b);
                    }
                    else
                    {
                        json.WriteNullValue();
                    }
                }

                json.WriteEndArray();
            });
        }

        json.WriteEndArray();

        json.WriteStartArray("projects");
        foreach (var project in projects)
        {
            WriteProject(json, tables, project);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteProject(Utf8JsonWriter json, Tables tables, ProjectTimeline project)
    {
        json.WriteStartObject();
        json.WriteString("id", project.Id);
        json.WriteNumber("process", tables.Process(project.Process));
        json.WriteNumber("owner", tables.Agent(project.Owner));
        json.WriteNumber("arrive", project.Arrive);
        Nullable(json, "finish", project.Finish);
        Nullable(json, "lead", project.Lead);
        json.WriteStartArray("lanes");
        foreach (var lane in project.Lanes)
        {
            var (agent, agency) = Index(tables, lane);
            Row(json, () =>
            {
                json.WriteNumberValue(tables.Step(project.Process, lane.Step));
                NullableValue(json, lane.Segment);
                json.WriteStringValue(lane.Role.ToString().ToLowerInvariant());
                NullableValue(json, agent);
                NullableValue(json, agency);
                NullableValue(json, lane.Ready);
                NullableValue(json, lane.Done);
                json.WriteNumberValue(lane.Critical ? 1 : 0);
                json.WriteStartArray();
                foreach (var bar in lane.Bars)
                {
                    WriteBar(json, tables, bar);
                }

                json.WriteEndArray();
                json.WriteStartArray();
                foreach (var mark in lane.Marks)
                {
                    Row(json, () =>
                    {
                        json.WriteStringValue(mark.Kind switch { MarkKind.Return => "r", MarkKind.Lapsed => "l", MarkKind.Deemed => "d", _ => "m" });
                        json.WriteNumberValue(mark.T);
                        json.WriteNumberValue(tables.Agent(mark.Agent));
                        NullableValue(json, mark.Receiver is null ? null : tables.Agent(mark.Receiver));
                    });
                }

                json.WriteEndArray();
            });
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteBar(Utf8JsonWriter json, Tables tables, TimelineBar bar) => Row(json, () =>
    {
        json.WriteStringValue(bar.Kind switch { BarKind.HandOff => "h", BarKind.Wait => "w", BarKind.Work => "k", BarKind.Period => "p", _ => "c" });
        json.WriteNumberValue(bar.From);
        json.WriteNumberValue(bar.To);
        if (bar.Kind == BarKind.HandOff)
        {
            json.WriteNumberValue(tables.Agent(bar.Agent));
            NullableValue(json, bar.Receiver is null ? null : tables.Agent(bar.Receiver));
            json.WriteStringValue(bar.Message);
        }
        else
        {
            json.WriteNumberValue(bar.Agency is null ? -1 : tables.Agency(bar.Agent, bar.Agency));
            json.WriteStringValue(bar.Work);
            json.WriteNumberValue(bar.Held ? 1 : 0);
        }

        json.WriteNumberValue(bar.Open ? 1 : 0);
    });

    /// <summary>The lane's agent and agency as indices: where its work is done, or where the step was completed.</summary>
    private static (int? Agent, int? Agency) Index(Tables tables, TimelineLane lane)
    {
        var agent = lane.Role == LaneRole.Step ? lane.DoneAgent : lane.Agent;
        var agency = lane.Role == LaneRole.Step ? lane.DoneAgency : lane.Agency;
        return (agent is null ? null : tables.Agent(agent), agent is null || agency is null ? null : tables.Agency(agent, agency));
    }

    private static void Row(Utf8JsonWriter json, Action write)
    {
        json.WriteStartArray();
        write();
        json.WriteEndArray();
    }

    private static void Numbers(Utf8JsonWriter json, IEnumerable<double> values)
    {
        json.WriteStartArray();
        foreach (var v in values)
        {
            json.WriteNumberValue(v);
        }

        json.WriteEndArray();
    }

    private static void Nullable(Utf8JsonWriter json, string name, double? value)
    {
        json.WritePropertyName(name);
        NullableValue(json, value);
    }

    private static void NullableValue(Utf8JsonWriter json, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumberValue(v);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    /// <summary>The string tables, from the trace's header, grown by names that only its events hold.</summary>
    private sealed class Tables
    {
        private readonly Dictionary<string, int> _agents = [];
        private readonly Dictionary<(string, string), int> _agencies = [];
        private readonly Dictionary<string, int> _processes = [];

        public Tables(TraceInfo info)
        {
            foreach (var agent in info.Agents)
            {
                Agent(agent.Id, agent.Name, agent.Kind);
                foreach (var agency in agent.Agencies)
                {
                    Agency(agent.Id, agency.Id, agency.Name, agency.Staff, agency.Council);
                }
            }

            foreach (var process in info.Processes)
            {
                _processes.Add(process.Id, Processes.Count);
                Processes.Add((process.Id, process.Name, [.. process.Steps]));
            }
        }

        public List<(string Id, string Name, string Kind)> Agents { get; } = [];

        public List<(int Agent, string Id, string Name, int Staff, bool Council)> Agencies { get; } = [];

        public List<(string Agent, string Agency)> AgencyKeys { get; } = [];

        public List<(string Id, string Name, List<TraceStep> Steps)> Processes { get; } = [];

        public int Agent(string id) => Agent(id, id, "");

        public int Agency(string agent, string id) => Agency(agent, id, id, 0, false);

        public int Process(string id)
        {
            if (!_processes.TryGetValue(id, out var index))
            {
                _processes.Add(id, index = Processes.Count);
                Processes.Add((id, id, []));
            }

            return index;
        }

        public int Step(string process, string step)
        {
            var steps = Processes[Process(process)].Steps;
            var index = steps.FindIndex(s => s.Id == step);
            if (index < 0)
            {
                steps.Add(new TraceStep(step, step, "work", []));
                index = steps.Count - 1;
            }

            return index;
        }

        private int Agent(string id, string name, string kind)
        {
            if (!_agents.TryGetValue(id, out var index))
            {
                _agents.Add(id, index = Agents.Count);
                Agents.Add((id, name, kind));
            }

            return index;
        }

        private int Agency(string agent, string id, string name, int staff, bool council)
        {
            if (!_agencies.TryGetValue((agent, id), out var index))
            {
                _agencies.Add((agent, id), index = Agencies.Count);
                Agencies.Add((Agent(agent), id, name, staff, council));
                AgencyKeys.Add((agent, id));
            }

            return index;
        }
    }
}
