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
