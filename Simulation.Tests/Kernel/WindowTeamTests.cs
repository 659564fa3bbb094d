using IsdnSim.Kernel.Agents.Runtime;

namespace IsdnSim.Tests.Kernel;

/// <summary>
/// The threads of a spread window (<see cref="WindowTeam"/>): every window runs the body once on
/// each thread, the caller's as thread 0, and returns only when all are done; helpers that spin,
/// sleep, end for idleness or are ended are started again by the next window, and never call a
/// window twice or miss one.
/// </summary>
public sealed class WindowTeamTests
{
    [Fact]
    public void Run_CallsTheBodyOncePerThread_TheCallersAsThreadZero_AndReturnsWhenAllAreDone()
    {
        var caller = Environment.CurrentManagedThreadId;
        var calls = new int[3];
        var threadIds = new int[3];
        var done = new bool[3];
        var team = new WindowTeam(3, thread =>
        {
            threadIds[thread] = Environment.CurrentManagedThreadId;
            if (thread > 0)
            {
                // A helper slower than the caller: Run must still wait for it.
                Thread.Sleep(50);
            }

            Interlocked.Increment(ref calls[thread]);
            Volatile.Write(ref done[thread], true);
        });

        team.Run();

        calls.Should().Equal(1, 1, 1);
        done.Should().OnlyContain(d => d, "Run returns after every thread's body has returned");
        threadIds[0].Should().Be(caller);
        threadIds[1..].Should().OnlyHaveUniqueItems().And.NotContain(caller);
        team.End();
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 0)]
    [InlineData(2, 25)]
    [InlineData(3, 25)]
    public void ManyWindows_CallEveryThreadOncePerWindow_WhetherTheHelpersSpinOrSleepBetween(int threads, int sleepEvery)
    {
        // Every sleepEvery-th window comes after a pause longer than the helpers spin, so they sleep
        // and are woken; the others find them spinning.
        const int windows = 4_000;
        var counts = new int[threads];
        var window = 0;
        var seen = new int[threads];
        var wrong = 0;
        var team = new WindowTeam(threads, thread =>
        {
            // Each thread sees each window once, in order: the window it is called for is the one handed out.
            if (Volatile.Read(ref window) != seen[thread] + 1)
            {
                Interlocked.Increment(ref wrong);
            }

            seen[thread] = Volatile.Read(ref window);
            counts[thread]++;
        });

        for (var w = 1; w <= windows; w++)
        {
            if (sleepEvery > 0 && w % sleepEvery == 0)
            {
                Thread.Sleep(WindowTeam.SpinFor * 4);
            }

            Volatile.Write(ref window, w);
            team.Run();
        }

        team.End();
        counts.Should().OnlyContain(c => c == windows);
        wrong.Should().Be(0);
    }

    [Fact]
    public void End_EndsTheHelpers_AndTheNextWindowStartsThemAgain()
    {
        var calls = new int[3];
        var team = new WindowTeam(3, thread => Interlocked.Increment(ref calls[thread]));
        team.Run();
        team.Running.Should().Be(2);

        team.End();
        AwaitRunning(team, 0).Should().BeTrue("ended helpers end when they next look, at once as they are woken");

        team.Run();
        team.Running.Should().Be(2);
        calls.Should().Equal(2, 2, 2);

        // Ended and handed a window before the helpers looked: they call that window, once.
        team.End();
        team.Run();
        calls.Should().Equal(3, 3, 3);
        team.End();
        AwaitRunning(team, 0).Should().BeTrue();
    }

    [Fact]
    public void HelpersWithoutAWindow_EndOnTheirOwn_AndTheNextWindowStartsThemAgain()
    {
        var calls = new int[2];
        var team = new WindowTeam(2, thread => Interlocked.Increment(ref calls[thread]));
        team.Run();

        // A replication that stopped without closing (it failed, or its grain was lost) leaves no thread behind.
        AwaitRunning(team, 0).Should().BeTrue($"a helper ends after {WindowTeam.IdleExit.TotalMilliseconds:0} ms without a window");

        team.Run();
        calls.Should().Equal(2, 2);
        team.End();
    }

    [Fact]
    public void Helpers_Spin_OnlyWhenTheTeamHasNoMoreThreadsThanTheMachineHasCores()
    {
        new WindowTeam(2, _ => { }).Spins.Should().Be(Environment.ProcessorCount >= 2);
        new WindowTeam(Environment.ProcessorCount + 1, _ => { }).Spins.Should().BeFalse(
            "a spinning helper would take a core from a thread with work");
        new Action(() => _ = new WindowTeam(1, _ => { })).Should().Throw<ArgumentOutOfRangeException>("one thread is the caller alone, no team");
    }

    /// <summary>Whether the team's running helpers come to <paramref name="count"/> within ten seconds (they end asynchronously).</summary>
    private static bool AwaitRunning(WindowTeam team, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (team.Running != count)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            Thread.Sleep(10);
        }

        return true;
    }
}
