namespace IsdnSim.Kernel.Definitions;

/// <summary>What a step is; spelled in scenario files as <see cref="StepKinds"/> says.</summary>
public enum StepKind
{
    /// <summary>Staff of the holding agency work on it for its effort.</summary>
    Work,

    /// <summary>Waits for the next session of the holding council (agenda capacity per session).</summary>
    Council,

    /// <summary>Several agencies are asked at once; done when all answered or the deadline passed (the consultation lapses).</summary>
    Consultation,

    /// <summary>Work that may return the file for rework, less often when the deciding agency knows the place.</summary>
    Approval,

    /// <summary>A legal period in which no staff work is done (public display, objections): done exactly its duration after it became ready.</summary>
    Period,
}
