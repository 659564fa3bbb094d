namespace IsdnSim.Kernel.Random;

/// <summary>
/// Keys of the random streams. They follow the thing sampled, not the agent that samples it:
/// arrivals by (municipality, process) and efforts by (project, step), where a project is named
/// by its municipality, process and arrival number. A variant that moves a step to another
/// agency, or adds staff, therefore leaves every arrival and every effort as it was: common
/// random numbers for paired comparison.
/// </summary>
public static class StreamKeys
{
    private static readonly ulong ArrivalDomain = StableHash.Of("arrival");
    private static readonly ulong EffortDomain = StableHash.Of("effort");
    private static readonly ulong BackgroundDomain = StableHash.Of("background");
    private static readonly ulong RouteDomain = StableHash.Of("route");
    private static readonly ulong HolderAbsenceDomain = StableHash.Of("holder-absence");
    private static readonly ulong VacancyDomain = StableHash.Of("vacancy");
    private static readonly ulong BootstrapDomain = StableHash.Of("bootstrap");
    private static readonly ulong MorrisDomain = StableHash.Of("morris-trajectory");

    /// <summary>The root of one replication of one seed.</summary>
    public static ulong Replication(ulong seed, int replication) =>
        StableHash.Combine(StableHash.Mix(seed), (ulong)replication);

    public static ulong Arrivals(ulong replicationRoot, ulong municipalityHash, ulong processHash) =>
        StableHash.Combine(StableHash.Combine(StableHash.Combine(replicationRoot, ArrivalDomain), municipalityHash), processHash);

    /// <summary>Arrivals of an agency's background work, keyed by (agent, agency).</summary>
    public static ulong Background(ulong replicationRoot, ulong agentHash, ulong agencyHash) =>
        StableHash.Combine(StableHash.Combine(StableHash.Combine(replicationRoot, BackgroundDomain), agentHash), agencyHash);

    /// <summary>The effort of one background item, keyed by (agent, agency, serial).</summary>
    public static ulong BackgroundEffort(ulong replicationRoot, ulong agentHash, ulong agencyHash, long serial) =>
        StableHash.Combine(Background(replicationRoot, agentHash, agencyHash), (ulong)serial + 1);

    /// <summary>
    /// The illness and leave of the holder of one post, keyed by (agent, agency, post): a post's
    /// absences are its own, whatever the agency's other posts or its work do. A variant that scales
    /// staff keeps the streams of the posts that remain.
    /// </summary>
    public static ulong HolderAbsence(ulong replicationRoot, ulong agentHash, ulong agencyHash, int post) =>
        Post(HolderAbsenceDomain, replicationRoot, agentHash, agencyHash, post);

    /// <summary>The vacancies of one post (the holder leaving, the post filled again), keyed by (agent, agency, post).</summary>
    public static ulong Vacancy(ulong replicationRoot, ulong agentHash, ulong agencyHash, int post) =>
        Post(VacancyDomain, replicationRoot, agentHash, agencyHash, post);

    /// <summary>The route of a linear measure, keyed by the project.</summary>
    public static ulong Route(ulong replicationRoot, ulong municipalityHash, ulong processHash, long serial) =>
        Effort(replicationRoot, municipalityHash, processHash, serial, RouteDomain);

    /// <summary>Purpose of a work stream: the effort of a step itself (and its review rounds).</summary>
    public const int StepEffort = 0;

    /// <summary>Purpose of a work stream: consultee k's answer draws from purpose <c>ConsultAnswer + k</c>.</summary>
    public const int ConsultAnswer = 1;

    /// <summary>Purpose of a work stream: the rework of a returned file. Above any consultee index a scenario can have.</summary>
    public const int Rework = 100;

    /// <summary>
    /// The draws for one piece of work on a project: the step itself, and where it matters the
    /// segment, the review round and the purpose (an answer to a consultation, a rework). The
    /// plain case keeps the key of the step alone.
    /// </summary>
    public static ulong Work(ulong replicationRoot, ulong municipalityHash, ulong processHash, long serial, ulong stepHash, int segment, int round, int purpose)
        => Effort(replicationRoot, municipalityHash, processHash, serial, WorkStep(stepHash, segment, round, purpose));

    /// <summary>
    /// One resample of a bootstrap over the rows of an experimental design (sensitivity indices,
    /// their intervals), keyed by (seed, resample): resample b is the same whatever else is
    /// estimated, and no simulation stream is touched.
    /// </summary>
    public static ulong Bootstrap(ulong seed, int resample) =>
        StableHash.Combine(StableHash.Combine(StableHash.Mix(seed), BootstrapDomain), (ulong)resample);

    /// <summary>
    /// The start, directions and order of one Morris trajectory, keyed by (seed, trajectory): a
    /// design with more trajectories keeps the ones it had.
    /// </summary>
    public static ulong MorrisTrajectory(ulong seed, int trajectory) =>
        StableHash.Combine(StableHash.Combine(StableHash.Mix(seed), MorrisDomain), (ulong)trajectory);

    private static ulong Post(ulong domain, ulong replicationRoot, ulong agentHash, ulong agencyHash, int post) =>
        StableHash.Combine(StableHash.Combine(StableHash.Combine(StableHash.Combine(replicationRoot, domain), agentHash), agencyHash), (ulong)post);

    public static ulong Effort(ulong replicationRoot, ulong municipalityHash, ulong processHash, long serial, ulong stepHash) =>
        ProjectEffort(EffortSource(replicationRoot, municipalityHash, processHash), serial, stepHash);

    /// <summary>
    /// The part of <see cref="Effort"/>'s key that all projects of one (municipality, process) share:
    /// <c>Effort(r, m, p, n, s) == ProjectEffort(EffortSource(r, m, p), n, s)</c>. Kept by whoever draws
    /// many efforts of the same source, since each combination is a chain of multiplications.
    /// </summary>
    public static ulong EffortSource(ulong replicationRoot, ulong municipalityHash, ulong processHash) =>
        StableHash.Combine(StableHash.Combine(StableHash.Combine(replicationRoot, EffortDomain), municipalityHash), processHash);

    /// <summary>The key of one project's stream from its source's part (<see cref="EffortSource"/>).</summary>
    public static ulong ProjectEffort(ulong source, long serial, ulong stepHash) =>
        StableHash.Combine(StableHash.Combine(source, (ulong)serial), stepHash);

    /// <summary>The step's part of <see cref="Work"/>'s key: the step's hash in the plain case.</summary>
    public static ulong WorkStep(ulong stepHash, int segment, int round, int purpose) =>
        segment < 0 && round == 0 && purpose == 0
            ? stepHash
            : StableHash.Combine(StableHash.Combine(StableHash.Combine(stepHash, (ulong)(segment + 1)), (ulong)round), (ulong)purpose);
}
