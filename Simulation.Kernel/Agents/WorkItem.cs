namespace IsdnSim.Kernel.Agents;

/// <summary>Something to do at an agency: queued, then in service.</summary>
internal struct WorkItem
{
    public ProjectToken Token;
    public WorkKind Kind;
    public int Step;
    public int Priority;
    public double Ready;

    /// <summary>
    /// When an intake window let it in (equals <see cref="Ready"/> when there was none to wait for);
    /// for a council decision, when it joined the current agenda (a committee's, then the council's).
    /// </summary>
    public double Admitted;
    public double Start;
    public double Effort;

    /// <summary>The decision draw of an approval, made with the effort so both follow the (project, step) stream.</summary>
    public double Decision;

    /// <summary>Consult: which of the step's consulted roles answers (its stream follows this number).</summary>
    public int Consultee;

    /// <summary>Background: the agency's serial number of the item (its effort stream follows it).</summary>
    public int Serial;

    /// <summary>Consult, Support and Rework: the agent the finished work goes back to (lead, requester, approver).</summary>
    public int ReplyTo;

    /// <summary>Consult and Support: the request's id at <see cref="ReplyTo"/>; Step: its own support request, or 0.</summary>
    public long Request;

    /// <summary>Step: the legal fiction watching this round of it (Mechanisms/Fictions), or 0.</summary>
    public long Fiction;

    /// <summary>A council decision: which of the step's committees it waits for, or their count when it waits for the council.</summary>
    public int Stage;
}
