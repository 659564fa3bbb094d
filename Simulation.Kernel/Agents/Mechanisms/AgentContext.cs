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
        Demand = new Demand(this);
        Flow = new ProcessFlow(this);
        Joins = new Joins(this);
        Work = new StaffedWork(this);
        Councils = new Councils(this);
        Consultations = new Consultations(this);
        WorkingGroups = new WorkingGroups(this);
        Rework = new Rework(this);
        SupportShares = new SupportShares(this);
        HandOffs = new HandOffs(this);
        OfficeHandOffs = new OfficeHandOffs(this);
        Periods = new Periods(this);
        Fictions = new Fictions(this);
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

    /// <summary>Where the messages of a call wait until the engine routes them (perhaps shared with other agents).</summary>
    public Outbox Outbox { get; }

    /// <summary>The trace, or null when the run is not traced.</summary>
    public TraceRecorder? Trace { get; }

    public Demand Demand { get; }

    public ProcessFlow Flow { get; }

    public Joins Joins { get; }

    public StaffedWork Work { get; }

    public Councils Councils { get; }

    public Consultations Consultations { get; }

    public WorkingGroups WorkingGroups { get; }

    public Rework Rework { get; }

    public SupportShares SupportShares { get; }

    public HandOffs HandOffs { get; }

    public OfficeHandOffs OfficeHandOffs { get; }

    public Periods Periods { get; }

    public Fictions Fictions { get; }

    public Absences Absences { get; }

    /// <summary>The model's agents, as an array (see <see cref="SimulationModel.AgentArray"/>).</summary>
    public AgentModel[] Agents => Model.AgentArray;

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
            _sourceKey = StreamKeys.EffortSource(Root, Agents[owner].IdHash, Processes[process].IdHash);
            (_sourceOwner, _sourceProcess) = (owner, process);
        }

        return _sourceKey;
    }
}
