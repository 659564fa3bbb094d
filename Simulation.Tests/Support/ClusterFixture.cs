using IsdnSim.Grains;
using IsdnSim.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace IsdnSim.Tests.Support;

/// <summary>One Orleans test cluster per fixture, with the IsdnSim grains.</summary>
public abstract class ClusterFixture(short silos, int agentsPerGroup = 1, bool spreadEveryWindow = false) : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(silos);
        // One agent a group, as many groups as the silo's cores allow: the tests' small scenarios
        // are spread over groups as a large region is (the default gives them a single group,
        // which OneGroupSilo keeps, spreading every window of it over the window threads).
        builder.ConfigureSilo((_, silo) => silo.AddIsdnSim().Configure<AgentGroupOptions>(o =>
        {
            o.AgentsPerGroup = agentsPerGroup;
            if (spreadEveryWindow)
            {
                (o.SpreadFromDueAgents, o.SpreadFromEvents) = (0, 0);
            }
        }));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>What silo <paramref name="silo"/> shares with an engine beside it, as the embedded silo does with the Runner's.</summary>
    public LocalSilo LocalSilo(int silo) => Cluster.Silos[silo].ServiceProvider.GetRequiredService<LocalSilo>();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

public sealed class OneSiloCluster() : ClusterFixture(1);

public sealed class TwoSiloCluster() : ClusterFixture(2);

/// <summary>
/// One silo with the default grouping, as the embedded silo runs: a small scenario's replication is a
/// single group running its own windows; every window is spread over the spec's window threads, as a large region's are.
/// </summary>
public sealed class OneGroupSilo() : ClusterFixture(1, AgentGroups.AgentsPerGroup, spreadEveryWindow: true);

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<OneSiloCluster>, ICollectionFixture<TwoSiloCluster>
{
    public const string Name = "Orleans clusters";
}
