using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Agents.Mechanisms;
using IsdnSim.Kernel.Tracing;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Kernel;

/// <summary>
/// What a post's absence does to the files at its agency, timed by hand. A desk with one or two
/// posts gets files of a constant 5 working days (its background work, so nothing else follows
/// from them), and the test says when a post falls away and comes back, as the absence mechanism
/// would: the file in service waits for its holder and is finished with the effort left; a file
/// whose holder left goes to the next colleague free, ahead of the queue; a stale end of service
/// is ignored. Time is in days from the start; the calendar is continuous unless said otherwise.
/// </summary>
public sealed class AbsenceTests
{
    private const double Exact = 1e-9;

    [Fact]
    public void OnePost_AFileInService_WaitsForItsHolder_AndTheQueueBehindIt()
    {
        // A starts at 0 and would end at 5. The holder is ill from 2 to 4.5: A has 2 done, 3 left,
        // and ends at 4.5 + 3 = 7.5 (the end scheduled for 5 is stale). B, filed at 1, waits for A
        // and runs from 7.5 to 12.5.
        var desk = new Desk(staff: 1);
        desk.File(0);
        desk.File(1);
        desk.Away(post: 0, at: 2);
        desk.Back(post: 0, at: 4.5);
        desk.RunTo(100);

        desk.Ends.Should().Equal([7.5, 12.5], (a, b) => Math.Abs(a - b) < Exact);
        desk.Starts.Should().Equal([0, 7.5], (a, b) => Math.Abs(a - b) < Exact);
    }

    [Fact]
    public void OnePost_AwayBeforeTheFileComes_TheFileWaitsUntilTheHolderIsBack()
    {
        // Away from 0 (on leave) to 3; A is filed at 1 and starts at 3, ends at 8.
        var desk = new Desk(staff: 1);
        desk.Away(post: 0, at: 0);
        desk.File(1);
        desk.Back(post: 0, at: 3);
        desk.RunTo(100);

        desk.Starts.Should().Equal([3.0], (a, b) => Math.Abs(a - b) < Exact);
        desk.Ends.Should().Equal([8.0], (a, b) => Math.Abs(a - b) < Exact);
    }

    [Fact]
    public void TwoPosts_OneAway_TheOtherServesTheQueue_AndTheAbsentOneFinishesItsOwnFile()
    {
        // A (post 0) and B (post 1) start at 0. Post 1 is away from 1 to 6.5: B has 1 done, 4 left,
        // and ends at 6.5 + 4 = 10.5. C, filed at 2, waits for post 0, which ends A at 5 and runs C
        // from 5 to 10. The free colleague does not take B: it waits for its holder.
        var desk = new Desk(staff: 2);
        desk.File(0);
        desk.File(0);
        desk.Away(post: 1, at: 1);
        desk.File(2);
        desk.Back(post: 1, at: 6.5);
        desk.RunTo(100);

        desk.Starts.Should().Equal([0, 0, 5.0], (a, b) => Math.Abs(a - b) < Exact);
        desk.Ends.Should().Equal([5.0, 10.0, 10.5], (a, b) => Math.Abs(a - b) < Exact);
    }

    [Fact]
    public void AVacancy_HandsTheFileToTheNextColleague_AheadOfTheQueue()
    {
        // A (post 0) and B (post 1) start at 0; C is filed at 0.5 and waits. Post 1 falls vacant at
        // 1: B (1 done, 4 left) goes to the head of the queue. Post 0 ends A at 5 and carries on with
        // B to 9, then runs C from 9 to 14. The post is filled again at 20, with nothing to do.
        var desk = new Desk(staff: 2);
        desk.File(0);
        desk.File(0);
        desk.File(0.5);
        desk.Vacate(post: 1, at: 1);
        desk.Back(post: 1, at: 20);
        desk.RunTo(100);

        desk.Starts.Should().Equal([0, 0, 5.0, 9.0], (a, b) => Math.Abs(a - b) < Exact);
        desk.Ends.Should().Equal([5.0, 9.0, 14.0], (a, b) => Math.Abs(a - b) < Exact);
    }

    [Fact]
    public void AVacancy_WithAColleagueFree_TheColleagueCarriesOnAtOnce()
    {
        // A starts at 0 on post 0. Its holder falls ill at 1 (A paused with 1 done, 4 left) and
        // leaves at 2, still ill: A goes to post 1, free, which carries on at once and ends it at 2 + 4 = 6.
        var desk = new Desk(staff: 2);
        desk.File(0);
        desk.Away(post: 0, at: 1);
        desk.Vacate(post: 0, at: 2, alreadyAway: true);
        desk.RunTo(100);

        desk.Starts.Should().Equal([0, 2.0], (a, b) => Math.Abs(a - b) < Exact);
        desk.Ends.Should().Equal([6.0], (a, b) => Math.Abs(a - b) < Exact);
    }

    [Fact]
    public void WorkingDays_AnAbsenceOverAWeekend_CountsOnlyWorkingTime()
    {
        // Start Wednesday 2025-01-01 at midnight, Monday to Friday. A (5 wd) would end on Tuesday
        // night (Wed, Thu, Fri, Mon, Tue: t = 7). Ill from Thursday noon (t = 1.5, 1.5 wd done) to
        // Monday noon (t = 5.5): 3.5 wd left, Monday afternoon, Tuesday, Wednesday, Thursday: t = 9.
        var desk = new Desk(staff: 1, calendar: "{ kind: working-days }");
        desk.File(0);
        desk.Away(post: 0, at: 1.5);
        desk.Back(post: 0, at: 5.5);
        desk.RunTo(100);

        desk.Ends.Should().Equal([9.0], (a, b) => Math.Abs(a - b) < Exact);
    }

    [Fact]
    public void TheFiguresOfTheDesk_CountPausedFilesAsWaiting_AndTheTimePresent()
    {
        // One post over 20 days: away from 2 to 4.5 while A is in service (first example). Busy
        // 0-2 and 4.5-12.5 (A to 7.5, B to 12.5): 10 of 20 days; away 2.5: present 17.5. So
        // utilisation 10 / 20, present share 17.5 / 20, utilisation of the staff present 10 / 17.5.
        // Waiting: B from 1 to 7.5 (6.5) and A paused from 2 to 4.5 (2.5): 9 file-days.
        var desk = new Desk(staff: 1, horizon: "20d");
        desk.File(0);
        desk.File(1);
        desk.Away(post: 0, at: 2);
        desk.Back(post: 0, at: 4.5);
        desk.RunTo(20);
        var figures = desk.Close(20);

        figures.Utilisation.Should().BeApproximately(10.0 / 20, Exact);
        figures.PresentShare.Should().BeApproximately(17.5 / 20, Exact);
        figures.PresentUtilisation.Should().BeApproximately(10.0 / 17.5, Exact);
        figures.WaitingCaused.Should().BeApproximately(9, Exact);
    }

    /// <summary>
    /// One agent with one desk of <c>staff</c> posts and absence switched on, driven by hand: files
    /// are its background work (a constant 5 wd), and the test decides when posts fall away. Events
    /// of the desk (ends of service) are processed in time order between the test's actions.
    /// </summary>
    private sealed class Desk
    {
        private readonly AgentContext _agent;
        private readonly List<TraceEvent> _trace = [];
        private int _serial;

        public Desk(int staff, string calendar = "{ kind: continuous }", string horizon = "1y")
        {
            var yaml = $$"""
                name: desk
                start: 2025-01-01
                horizon: {{horizon}}
                calendar: {{calendar}}
                absence:
                  illness: { share: 0.1, spell: 5wd }
                agents:
                  - id: town
                    kind: municipality
                    agencies:
                      - { id: desk, staff: {{staff}}, roles: [plan], background: { rate: 1/year, effort: 5wd } }
                processes:
                  - id: p
                    steps: [{ id: s, role: plan, effort: 1wd }]
                jurisdiction: { plan: self }
                demand: [{ process: p, rate: 1/year }]
                """;
            var model = Runs.Spec(Runs.Parse(yaml)).Compile();

            // Neither demand nor the absence mechanism is started: the test is the only source of events.
            _agent = new AgentContext(model, 0, 0, new AgentOptions(Trace: true));
        }

        public IEnumerable<double> Starts => Trace(TraceKind.Start);

        public IEnumerable<double> Ends => Trace(TraceKind.End);

        public void File(double at)
        {
            RunTo(at);
            _agent.Work.Enqueue(0, new WorkItem { Kind = WorkKind.Background, Ready = at, Serial = _serial++ }, at);
        }

        public void Away(int post, double at)
        {
            RunTo(at);
            _agent.Work.Withdraw(0, post, at, cause: 1);
        }

        public void Back(int post, double at)
        {
            RunTo(at);
            _agent.Work.Reinstate(0, post, at, cause: 1);
        }

        /// <summary>The post's holder leaves: it falls away (unless it already was) and its file goes to a colleague.</summary>
        public void Vacate(int post, double at, bool alreadyAway = false)
        {
            RunTo(at);
            if (!alreadyAway)
            {
                _agent.Work.Withdraw(0, post, at, cause: 3);
            }

            _agent.Work.HandOver(0, post, at);
        }

        public void RunTo(double t)
        {
            while (_agent.Events.PeekTime <= t)
            {
                var e = _agent.Events.Pop();
                _agent.Work.OnServiceEnd(e.Body.AsServiceEnd(), e.Time);
            }
        }

        public AgencyStatistics Close(double horizon) => _agent.Work.Close(0, horizon);

        private IEnumerable<double> Trace(TraceKind kind)
        {
            _trace.AddRange(_agent.Trace!.Drain());
            return _trace.Where(e => e.Kind == kind).Select(e => e.Time);
        }
    }
}
