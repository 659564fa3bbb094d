namespace IsdnSim.Kernel.Agents;

internal enum WorkKind : byte
{
    /// <summary>A step of a project (work or approval).</summary>
    Step,

    /// <summary>An answer to a consultation.</summary>
    Consult,

    /// <summary>Reworking a returned file.</summary>
    Rework,

    /// <summary>A share of another agency's step, done as a service.</summary>
    Support,

    /// <summary>Work that is not a project here (a national portfolio, everyday cases).</summary>
    Background,
}

/// <summary>Something to do at an agency: queued, then in service.</summary>
internal struct WorkItem
{
    public ProjectToken Token;
    public WorkKind Kind;
    public int Step;
    public int Priority;
    public double Ready;

    /// <summary>When an intake window let it in (equals <see cref="Ready"/> when there was none to wait for).</summary>
    public double Admitted;
    public double Start;
    public double Effort;

    /// <summary>The decision draw of an approval, made with the effort so both follow the (project, step) stream.</summary>
    public double Decision;

    /// <summary>Consult: consultee index; Background: serial.</summary>
    public int Aux;

    /// <summary>Consult: the lead agent; Support: the requesting agent; Rework: the approver.</summary>
    public int Peer;

    /// <summary>Consult and Support: the request's id at the requester; Step: its support state, or 0.</summary>
    public long Link;
}
