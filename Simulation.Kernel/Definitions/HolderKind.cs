namespace IsdnSim.Kernel.Definitions;

/// <summary>Who holds a role for a municipality; every kind but <see cref="Agent"/> is a reserved word (see <see cref="HolderWords"/>).</summary>
public enum HolderKind
{
    /// <summary><c>self</c>: the municipality itself.</summary>
    Self,

    /// <summary><c>administration</c>: the Amt it belongs to, or itself if it has none.</summary>
    Administration,

    /// <summary><c>amt</c>: the Amt above it.</summary>
    Amt,

    /// <summary><c>district</c>: the agent above it acting at the district level (a district, or an independent city).</summary>
    District,

    /// <summary><c>state</c>: the state above it.</summary>
    State,

    /// <summary><c>nearest</c>: the closest agent in the tree that holds the role.</summary>
    Nearest,

    /// <summary>One named agent.</summary>
    Agent,
}
