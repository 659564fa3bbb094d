using System.Diagnostics.Metrics;
using IsdnSim.Analysis.Engine;
using IsdnSim.Presentation.Telemetry;
using IsdnSim.Tests.Support;
using static IsdnSim.Presentation.Telemetry.TelemetryNames;

namespace IsdnSim.Tests.Telemetry;

/// <summary>The run's figures as measurements of the IsdnSim.Simulation meter, by the rules of summary.json and agencies.csv.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class MetricTests
{
    private sealed record Measurement(string Instrument, double Value, Dictionary<string, object?> Tags);

    private static List<Measurement> Record(RunSpec spec, ReplicationResult result)
    {
        var measurements = new List<Measurement>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TelemetryNames.Meter)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => measurements.Add(new(i.Name, value, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => measurements.Add(new(i.Name, value, Tags(tags))));
        listener.Start();
        SimulationTelemetry.Record(spec.Compile(), result);
        return measurements;

        static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags) => tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
    }

    [Fact]
    public void ThroughputAndLeadTime_CountTheProjectsFinishedAfterTheWarmup_ByProcess()
    {
        var spec = Runs.Spec(Runs.Load("rural-district.yaml"), new ScenarioOverrides(HorizonDays: 365, WarmupDays: 90, Variant: "austerity"));
        var result = Runs.RunOne(spec, replication: 2);
        var counted = result.Projects.Where(p => p.Finish >= 90).ToList();
        var processes = spec.Compile().Processes;

        var measurements = Record(spec, result);

        var finished = measurements.Where(m => m.Instrument == ProjectsFinished).ToList();
        finished.Select(m => (string)m.Tags[Process]!).Should().Equal(processes.Select(p => p.Id), "one count per process, none left out");
        finished.Should().OnlyContain(m => (string)m.Tags[Variant]! == "austerity" && (int)m.Tags[Replication]! == 2);
        finished.ToDictionary(m => (string)m.Tags[Process]!, m => m.Value).Should().Equal(
            processes.ToDictionary(p => p.Id, p => (double)counted.Count(c => c.Id.Process == p.Index)));
        counted.Should().HaveCountLessThan(result.Projects.Count, "projects finished in the warm-up do not count");

        measurements.Where(m => m.Instrument == LeadTime).Select(m => m.Value).Should().BeEquivalentTo(counted.Select(p => p.LeadTime));
    }

    [Fact]
    public void QueueLengthAndUtilisation_AreThoseOfEachAgency()
    {
        var spec = Runs.Spec(Runs.Load("rural-district.yaml"), new ScenarioOverrides(HorizonDays: 365));
        var model = spec.Compile();
        var result = Runs.RunOne(spec);

        var measurements = Record(spec, result);

        string Key(int agent, int agency) => $"{model.Agents[agent].Id}/{model.Agents[agent].Agencies[agency].Id}";
        measurements.Where(m => m.Instrument == QueueLength).ToDictionary(m => $"{m.Tags[Agent]}/{m.Tags[Agency]}", m => m.Value)
            .Should().Equal(result.Agencies.ToDictionary(a => Key(a.Agent, a.Agency), a => a.MeanQueueLength));
        measurements.Where(m => m.Instrument == Utilisation).ToDictionary(m => $"{m.Tags[Agent]}/{m.Tags[Agency]}", m => m.Value)
            .Should().Equal(result.Agencies.ToDictionary(a => Key(a.Agent, a.Agency), a => a.Utilisation));
        measurements.Where(m => m.Instrument == QueueLength).Should().Contain(m => m.Value > 0)
            .And.OnlyContain(m => m.Tags.ContainsKey(Level) && (string)m.Tags[Variant]! == NoVariant);
    }
}
