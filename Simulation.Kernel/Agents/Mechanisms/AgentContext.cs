using System.Runtime.CompilerServices;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Random;
using IsdnSim.Kernel.Time;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Kernel.Agents.Mechanisms;

/// <summary>
/// What the mechanisms of one agent share: the model and the agent's place in it, its event list
/// and trace, and each other (a finished piece of work may start a rework, a consultation ends in
/// a step done). It decides nothing itself.
/// </summary>
internal sealed class AgentContext
{
    private readonly StepModel[][] _stepsByProcess;
    private readonly AgencyModel[] _agencies;
    private readonly double _warmup;
    private int _sourceOwner = -1;
    private int _sourceProcess = -1;
    private ulong _sourceKey;
    private Consultations? _consultations;
    private WorkingGroups? _workingGroups;
    private SupportShares? _supportShares;
    private OfficeHandOffs? _officeHandOffs;
    private Periods? _periods;
    private Fictions? _fictions;

    public AgentContext(SimulationModel model, int index, int replication, AgentOptions options, Outbox? outbox = null)
    {
        Model = model;
        Outbox = outbox ?? new Outbox();
        Index = index;
        Self = model.Agents[index];
        Calendar = model.Calendar;
        Options = options;
        _warmup = model.Warmup.Days;
        Root = StreamKeys.Replication(model.Seed, replication);
        Trace = options.Trace ? new TraceRecorder(index) : null;
        _stepsByProcess = model.StepArrays;
        _agencies = model.AgencyArrays[index];

        // The constructors only keep this context: no mechanism calls another before all exist.
        // Consultations, working groups, support shares, office hand-offs and periods are made at
        // their first use (below), and so are legal fictions: most agents never use them.
        Demand = new Demand(this);
        Flow = new ProcessFlow(this);
        Joins = new Joins(this);
        Work = new StaffedWork(this);
        Councils = new Councils(this);
        Rework = new Rework(this);
        HandOffs = new HandOffs(this);
        Absences = new Absences(this);
    }

    public SimulationModel Model { get; }

    public int Index { get; }

    public AgentModel Self { get; }

    public WorkCalendar Calendar { get; }

    public AgentOptions Options { get; }

    /// <summary>The root of this replication's random streams.</summary>
    public ulong Root { get; }

    public EventList Events { get; } = new();

    /// <summary>Where the messages of a call wait until the engine routes them (perhaps shared with other agents), as the agent was made; the engine may point <see cref="HandOffs"/> at another.</summary>
    public Outbox Outbox { get; }

    /// <summary>The trace, or null when the run is not traced.</summary>
    public TraceRecorder? Trace { get; }

    public Demand Demand { get; }

    public ProcessFlow Flow { get; }

    public Joins Joins { get; }

    public StaffedWork Work { get; }

    public Councils Councils { get; }

    /// <summary>Made at the first consultation started or asked for here (see <see cref="ConsultationsDecided"/>).</summary>
    public Consultations Consultations => _consultations ??= new Consultations(this);

    /// <summary>Made at the first consultation started here.</summary>
    public WorkingGroups WorkingGroups => _workingGroups ??= new WorkingGroups(this);

    public Rework Rework { get; }

    /// <summary>Made at the first step started here whose support role another agent holds, or the first share asked of this agent.</summary>
    public SupportShares SupportShares => _supportShares ??= new SupportShares(this);

    public HandOffs HandOffs { get; }

    /// <summary>Made at the first file sent between two offices of this agent (<see cref="Mechanisms.OfficeHandOffs.Crosses"/> needs none).</summary>
    public OfficeHandOffs OfficeHandOffs => _officeHandOffs ??= new OfficeHandOffs(this);

    /// <summary>Made at the first legal period started here.</summary>
    public Periods Periods => _periods ??= new Periods(this);

    /// <summary>The names of the mechanisms made at their first use that this agent has made so far, in a fixed order (for tests).</summary>
    public IEnumerable<string> MadeOnUse()
    {
        (string Name, object? Made)[] all =
        [
            (nameof(Consultations), _consultations), (nameof(WorkingGroups), _workingGroups), (nameof(SupportShares), _supportShares),
            (nameof(OfficeHandOffs), _officeHandOffs), (nameof(Periods), _periods), (nameof(Fictions), _fictions),
        ];
        return all.Where(m => m.Made is not null).Select(m => m.Name);
    }

    /// <summary>Consultations led here and ended after the warm-up, with those a working group settled; without making either mechanism.</summary>
    public long ConsultationsDecided => (_consultations?.Decided ?? 0) + (_workingGroups?.Settled ?? 0);

    /// <summary>Consultations led here that lapsed after the warm-up; without making the mechanism.</summary>
    public long ConsultationsLapsed => _consultations?.Lapsed ?? 0;

    /// <summary>
    /// Made at the first step ready here that has a legal fiction: the questions asked on every
    /// finished or taken item are asked only of an item with a fiction (<see cref="WorkItem.Fiction"/> not 0).
    /// </summary>
    public Fictions Fictions => _fictions ??= new Fictions(this);

    /// <summary>The fictions' mechanism if it was made, else null (closing reads its counts without making it).</summary>
    public Fictions? FictionsIfMade => _fictions;

    public Absences Absences { get; }

    /// <summary>The model's agents, as an array (see <see cref="SimulationModel.AgentArray"/>).</summary>
    public AgentModel[] Agents => Model.AgentArray;

    /// <summary>What this agent's calls read about other agents (<see cref="AgentFacts"/>): read there, not from <see cref="Agents"/>.</summary>
    public AgentFacts[] Facts => Model.Facts;

    /// <summary>The model's processes, as an array.</summary>
    public ProcessModel[] Processes => Model.ProcessArray;

    /// <summary>This agent's agencies, as an array (the model's, shared by every replication: read only).</summary>
    public AgencyModel[] Agencies => _agencies;

    /// <summary>Whether what happens at <paramref name="t"/> is counted: after the warm-up.</summary>
    public bool Counting(double t) => t >= _warmup;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public StepModel[] StepsOf(in ProjectToken token) => _stepsByProcess[token.Id.Process];

    /// <summary>The agency of this or another agent that holds <paramref name="role"/> for the token's territory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Holder HolderOf(in ProjectToken token, int role) => Model.HolderOf(token.Territory, role);

    /// <summary>
    /// The draws of one piece of work on a project: keyed by the project, the step, the segment,
    /// the review round and the purpose (<see cref="StreamKeys"/>), never by who does the work.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public RandomStream WorkStream(in ProjectToken token, int step, int round, int purpose)
    {
        var id = token.Id;
        var stepKey = StreamKeys.WorkStep(_stepsByProcess[id.Process][step].IdHash, token.Segment, round, purpose);
        return RandomStream.FromKey(StreamKeys.ProjectEffort(EffortSource(id.Owner, id.Process), id.Serial, stepKey));
    }

    /// <summary>
    /// <see cref="StreamKeys.EffortSource"/> of (owner, process), remembered for the last pair
    /// asked: three of the key's five combinations, a chain of multiplications on every piece of
    /// work, and an agent's work comes mostly from few sources (an M/M/c agency's from one).
    /// </summary>
    private ulong EffortSource(int owner, int process)
    {
        if (owner != _sourceOwner || process != _sourceProcess)
        {
            _sourceKey = StreamKeys.EffortSource(Root, Facts[owner].IdHash, Processes[process].IdHash);
            (_sourceOwner, _sourceProcess) = (owner, process);
        }

        return _sourceKey;
    }
}
