namespace IsdnSim.Kernel.Agents;

/// <summary>
/// What absence adds to a staffed agency's posts (<see cref="StaffedAgency"/>, with
/// <see cref="Definitions.AbsenceDefinition"/> only): per post, whether it holds a paused file, the work done
/// on its file before each interruption and the calendar days the file waited since it was
/// started; and the files whose holder left, which colleagues take before anything queued. The
/// work item itself carries none of it, so that agencies without absence move items as before.
/// </summary>
internal sealed class PostAbsence(int posts)
{
    private readonly bool[] _holdsPaused = new bool[posts];
    private readonly double[] _stintStart = new double[posts];
    private readonly double[] _pausedSince = new double[posts];
    private readonly double[] _worked = new double[posts];
    private readonly double[] _paused = new double[posts];
    private readonly Queue<HandedOverFile> _handedOver = new();

    /// <summary>Files of holders who left, oldest first: colleagues take them before the queue.</summary>
    public bool HasHandedOver => _handedOver.Count > 0;

    public bool HoldsPaused(int post) => _holdsPaused[post];

    /// <summary>A post starts a file afresh at <paramref name="t"/>.</summary>
    public void StartFresh(int post, double t)
    {
        _stintStart[post] = t;
        _worked[post] = 0;
        _paused[post] = 0;
    }

    /// <summary>A post that was at work falls away at <paramref name="t"/>: its file keeps the work done (effort units).</summary>
    public void Pause(int post, double t, double worked)
    {
        _worked[post] += worked;
        _pausedSince[post] = t;
        _holdsPaused[post] = true;
    }

    public double StintStart(int post) => _stintStart[post];

    /// <summary>The holder is back at <paramref name="t"/> and carries on: the effort the file has left.</summary>
    public double Resume(int post, double t, double effort)
    {
        _holdsPaused[post] = false;
        _paused[post] += t - _pausedSince[post];
        _stintStart[post] = t;
        return Math.Max(0, effort - _worked[post]);
    }

    /// <summary>The holder left: the paused file leaves the post, to be taken by a colleague.</summary>
    public void HandOver(int post, in WorkItem item)
    {
        _holdsPaused[post] = false;
        _handedOver.Enqueue(new HandedOverFile(item, _worked[post], _paused[post], _pausedSince[post]));
    }

    /// <summary>The oldest handed-over file.</summary>
    public WorkItem NextHandedOver => _handedOver.Peek().Item;

    public void DiscardHandedOver() => _handedOver.Dequeue();

    /// <summary>A colleague at <paramref name="post"/> takes the oldest handed-over file at <paramref name="t"/>: the file and the effort it has left.</summary>
    public WorkItem TakeOver(int post, double t, out double remaining)
    {
        var file = _handedOver.Dequeue();
        _stintStart[post] = t;
        _worked[post] = file.Worked;
        _paused[post] = file.Paused + (t - file.PausedSince);
        remaining = Math.Max(0, file.Item.Effort - file.Worked);
        return file.Item;
    }

    /// <summary>Calendar days the file at <paramref name="post"/> waited since it was started (for an absent holder, or after a hand-over).</summary>
    public double Paused(int post) => _paused[post];

    private readonly record struct HandedOverFile(WorkItem Item, double Worked, double Paused, double PausedSince);
}
