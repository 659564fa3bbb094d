using IsdnSim.Kernel.Agents.Events;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Random;

namespace IsdnSim.Kernel.Agents.Mechanisms;

/// <summary>
/// Absence at the agent's staffed agencies (<see cref="AbsenceDefinition"/>). Each post has a
/// holder, who is present, ill or on leave, and is itself filled or vacant; it takes work only
/// while its holder is present and it is filled. The two run on streams of their own, keyed by
/// (agent, agency, post), so absence shifts no arrival, effort, route or decision.
/// <para>
/// The holder's days (working time): present for an exponential time, then ill or on leave, with
/// the rates that give each its share of the holder's working time: a cause with share a and mean
/// spell m starts at rate a / (m (1 - A)) while the holder is present, A the two shares together.
/// The post (calendar time): filled for an exponential time of mean T (1 - v) / v, then vacant for
/// a time to refill of mean T, so that it is vacant a share v of the time (v = rT / (1 + rT) with
/// turnover r). Both start in their long-run state: away with the cause's share, for the time left
/// of a spell under way (<see cref="ResidualLife"/>).
/// </para>
/// <para>
/// What happens to the file a post holds: while the holder is ill or on leave it waits for them
/// and they carry on with the effort left (preempt-resume); when the holder leaves (the post falls
/// vacant) it goes to the next colleague free, ahead of the queue (<see cref="StaffedWork"/>).
/// </para>
/// </summary>
internal sealed class Absences
{
    private const byte Present = 0;
    private const byte Illness = 1;
    private const byte Leave = 2;
    private const byte Vacancy = 3;

    private readonly AgentContext _agent;
    private readonly Roster?[] _rosters;

    public Absences(AgentContext agent)
    {
        _agent = agent;
        var self = agent.Self;
        _rosters = [.. agent.Agencies.Select(a => a is { IsCouncil: false, Absence: { } absence } ? new Roster(agent.Root, self.IdHash, a, absence) : null)];
    }

    /// <summary>Puts every post into its long-run state at the start and schedules its next change.</summary>
    public void Start()
    {
        for (var agency = 0; agency < _rosters.Length; agency++)
        {
            if (_rosters[agency] is not { } r)
            {
                continue;
            }

            for (var post = 0; post < r.Holder.Length; post++)
            {
                StartPost(agency, r, post);
            }
        }
    }

    public void OnAbsenceChange(AbsenceChange e, double t)
    {
        var r = _rosters[e.Agency]!;
        var post = e.Post;
        ref var stream = ref r.HolderStreams[post];
        var was = r.Holder[post];
        if (was == Present)
        {
            var cause = stream.NextDouble() * r.AbsenceRate < r.IllnessRate ? Illness : Leave;
            var length = (cause == Illness ? r.Absence.Illness! : r.Absence.Leave!).Length.Sample(ref stream);
            r.Holder[post] = cause;
            _agent.Events.Schedule(_agent.Calendar.AddWork(t, length), new AbsenceChange(e.Agency, post));
            if (!r.Vacant[post])
            {
                _agent.Work.Withdraw(e.Agency, post, t, cause);
            }
        }
        else
        {
            r.Holder[post] = Present;
            ScheduleNextAbsence(e.Agency, r, post, t);
            if (!r.Vacant[post])
            {
                _agent.Work.Reinstate(e.Agency, post, t, was);
            }
        }
    }

    public void OnVacancyChange(VacancyChange e, double t)
    {
        var r = _rosters[e.Agency]!;
        var post = e.Post;
        ref var stream = ref r.PostStreams[post];
        var vacancy = r.Absence.Vacancy!;
        if (!r.Vacant[post])
        {
            r.Vacant[post] = true;
            _agent.Events.Schedule(t + vacancy.Length.Sample(ref stream), new VacancyChange(e.Agency, post));
            if (r.Holder[post] == Present)
            {
                _agent.Work.Withdraw(e.Agency, post, t, Vacancy);
            }

            // The holder leaves: a file paused on the post, now or since an absence, goes to a colleague.
            _agent.Work.HandOver(e.Agency, post, t);
        }
        else
        {
            r.Vacant[post] = false;
            _agent.Events.Schedule(t + Exponential(r.MeanFilled, ref stream), new VacancyChange(e.Agency, post));
            if (r.Holder[post] == Present)
            {
                _agent.Work.Reinstate(e.Agency, post, t, Vacancy);
            }
        }
    }

    private static double Exponential(double mean, ref RandomStream stream) => -mean * Math.Log(stream.NextOpenDouble());

    private void StartPost(int agency, Roster r, int post)
    {
        var absence = r.Absence;
        var cause = Present;
        if (r.AbsenceRate > 0)
        {
            ref var stream = ref r.HolderStreams[post];
            var u = stream.NextDouble();
            var illness = absence.Illness?.Share ?? 0;
            if (u < absence.HolderAwayShare)
            {
                cause = u < illness ? Illness : Leave;
                r.Holder[post] = cause;
                var left = ResidualLife.Sample((cause == Illness ? absence.Illness! : absence.Leave!).Length, ref stream);
                _agent.Events.Schedule(_agent.Calendar.AddWork(0, left), new AbsenceChange(agency, post));
            }
            else
            {
                ScheduleNextAbsence(agency, r, post, 0);
            }
        }

        if (absence.Vacancy is { } vacancy)
        {
            ref var stream = ref r.PostStreams[post];
            if (stream.NextDouble() < vacancy.Share)
            {
                r.Vacant[post] = true;
                cause = cause == Present ? Vacancy : cause;
                _agent.Events.Schedule(ResidualLife.Sample(vacancy.Length, ref stream), new VacancyChange(agency, post));
            }
            else
            {
                _agent.Events.Schedule(Exponential(r.MeanFilled, ref stream), new VacancyChange(agency, post));
            }
        }

        if (cause != Present)
        {
            _agent.Work.Withdraw(agency, post, 0, cause);
        }
    }

    private void ScheduleNextAbsence(int agency, Roster r, int post, double t) =>
        _agent.Events.Schedule(_agent.Calendar.AddWork(t, Exponential(1 / r.AbsenceRate, ref r.HolderStreams[post])), new AbsenceChange(agency, post));

    /// <summary>The posts of one agency: their holders' and their own state, their streams, and the rates that give each cause its share.</summary>
    private sealed class Roster
    {
        public Roster(ulong root, ulong agentHash, AgencyModel agency, AbsenceDefinition absence)
        {
            Absence = absence;
            var posts = agency.Staff;
            Holder = new byte[posts];
            Vacant = new bool[posts];
            HolderStreams = [.. Enumerable.Range(0, posts).Select(p => RandomStream.FromKey(StreamKeys.HolderAbsence(root, agentHash, agency.IdHash, p)))];
            PostStreams = [.. Enumerable.Range(0, posts).Select(p => RandomStream.FromKey(StreamKeys.Vacancy(root, agentHash, agency.IdHash, p)))];

            // While present, a cause of share a and mean spell m starts at rate a / (m (1 - A)): then its share of the holder's time is a.
            var present = 1 - absence.HolderAwayShare;
            IllnessRate = Rate(absence.Illness, present);
            AbsenceRate = IllnessRate + Rate(absence.Leave, present);
            MeanFilled = absence.Vacancy is { } v ? v.Length.Mean * (1 - v.Share) / v.Share : double.PositiveInfinity;
        }

        public AbsenceDefinition Absence { get; }

        /// <summary>Per post: present, ill or on leave.</summary>
        public byte[] Holder { get; }

        public bool[] Vacant { get; }

        public RandomStream[] HolderStreams { get; }

        public RandomStream[] PostStreams { get; }

        /// <summary>Rate (per working day present) at which the holder falls ill.</summary>
        public double IllnessRate { get; }

        /// <summary>Rate (per working day present) at which any absence starts.</summary>
        public double AbsenceRate { get; }

        /// <summary>Mean calendar days a post stays filled.</summary>
        public double MeanFilled { get; }

        private static double Rate(AbsenceCause? cause, double present) => cause is { Share: > 0 } c ? c.Share / (c.Length.Mean * present) : 0;
    }
}
