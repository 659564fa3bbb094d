using IsdnSim.Grains.Windows;
using IsdnSim.Kernel.Agents;

namespace IsdnSim.Grains.Serialization;

[GenerateSerializer, Immutable, Alias("IsdnSim.GroupWindow")]
public readonly record struct GroupWindowSurrogate(
    [property: Id(0)] int[] Agents,
    [property: Id(1)] double[] Until,
    [property: Id(2)] int[] InboxEnds,
    [property: Id(3)] Message[] Inbox,
    [property: Id(4)] long MaxEvents);

/// <summary>Sends only the filled part of a window's arrays, which a coordinator reuses window after window.</summary>
[RegisterConverter]
public sealed class GroupWindowConverter : IConverter<GroupWindow, GroupWindowSurrogate>
{
    public GroupWindow ConvertFromSurrogate(in GroupWindowSurrogate s) =>
        GroupWindow.Of(s.Agents, s.Until, PackedSpans<Message>.Of(s.Inbox, s.InboxEnds), s.MaxEvents);

    public GroupWindowSurrogate ConvertToSurrogate(in GroupWindow w) =>
        new(w.Agents.ToArray(), w.Until.ToArray(), w.Inboxes.Ends.ToArray(), w.Inboxes.Items.ToArray(), w.MaxEvents);
}
