using IsdnSim.Kernel.Agents.Runtime;

namespace IsdnSim.Tests.Kernel;

/// <summary>
/// The threads of a spread window (<see cref="WindowTeam"/>): every window runs the body once for
/// each thread number, the caller's as 0, and returns only when all are done; a share no helper has
/// begun is run by the caller; helpers that spin, sleep, end for idleness or are ended are started
/// again by the next window, and never run a share twice or miss one. A broken hand-off would hang
/// rather than fail, so every window is waited for with a time limit.
/// </summary>
public sealed class WindowTeamTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public void Run_CallsTheBodyOncePerThread_TheCallersAsThreadZero_AndReturnsWhenAllAreDone()
    {
        var caller = -1;
        var calls = new int[3];
        var threadIds = new int[3];
        var done = new bool[3];
        using var helpersBegun = new CountdownEvent(2);
        var team = new WindowTeam(3, thread =>
        {
            threadIds[thread] = Environment.CurrentManagedThreadId;
            if (thread > 0)
            {
                // Helpers slower than the caller: Run must still wait for them.
                helpersBegun.Signal();
                Thread.Sleep(50);
            }
            else
            {
                // The caller's share lasts until both helpers have begun theirs, so it takes over none.
                helpersBegun.Wait(Limit);
            }

            Interlocked.Increment(ref calls[thread]);
            Volatile.Write(ref done[thread], true);
        });

        Within(() =>
        {
            caller = Environment.CurrentManagedThreadId;
            team.Run();
        });

        calls.Should().Equal(1, 1, 1);
        done.Should().OnlyContain(d => d, "Run returns after every thread's body has returned");
        threadIds[0].Should().Be(caller);
        threadIds[1..].Should().OnlyHaveUniqueItems().And.NotContain(caller);
        team.End();
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(false, 25)]
    [InlineData(true, 25)]
    public void ManyWindows_RunEveryShareOncePerWindow_WhetherTheHelpersSpinOrSleepBetween(bool moreThreadsThanCores, int sleepEvery)
    {
        // Every sleepEvery-th window comes after a pause longer than the helpers spin, so they sleep
        // and are woken; the others find them spinning (two threads, where the machine has two
        // cores) or asleep (more threads than cores, where they do not spin).
        const int windows = 4_000;
        var threads = moreThreadsThanCores ? Environment.ProcessorCount + 1 : 2;
        var counts = new int[threads];
        var window = 0;
        var seen = new int[threads];
        var wrong = 0;
        var team = new WindowTeam(threads, thread =>
        {
            // Each share runs once a window, in order: the window it is run for is the one handed out.
            if (Volatile.Read(ref window) != seen[thread] + 1)
            {
                Interlocked.Increment(ref wrong);
            }

            seen[thread] = Volatile.Read(ref window);
            counts[thread]++;
        });

        Within(() =>
        {
            for (var w = 1; w <= windows; w++)
            {
                if (sleepEvery > 0 && w % sleepEvery == 0)
                {
                    Thread.Sleep(WindowTeam.SpinFor * 4);
                }

                Volatile.Write(ref window, w);
                team.Run();
            }
        });

        team.End();
        counts.Should().OnlyContain(c => c == windows);
        wrong.Should().Be(0);
    }

    [Fact]
    public void TheCaller_RunsTheShareOfAHelperThatHasNotBegun_InsteadOfWaitingForItToWake()
    {
        // More threads than cores: the helpers sleep between windows, and a sleeping thread takes
        // some microseconds to wake, where the caller's share here takes none.
        var threads = Environment.ProcessorCount + 1;
        var caller = -1;
        var byCaller = 0;
        var calls = new int[threads];
        var team = new WindowTeam(threads, thread =>
        {
            Interlocked.Increment(ref calls[thread]);
            if (thread > 0 && Environment.CurrentManagedThreadId == Volatile.Read(ref caller))
            {
                Interlocked.Increment(ref byCaller);
            }
        });

        Within(() =>
        {
            Volatile.Write(ref caller, Environment.CurrentManagedThreadId);
            for (var w = 0; w < 1_000; w++)
            {
                team.Run();
            }
        });

        team.End();
        calls.Should().OnlyContain(c => c == 1_000);
        byCaller.Should().BeGreaterThan(0, "a share whose helper was still asleep when the caller was done is run by the caller");
    }

    [Fact]
    public void AHelpersException_IsThrownByRun_TheFirstHelpersByNumber_AndTheNextWindowRunsAsBefore()
    {
        var fail = true;
        var calls = new int[3];
        var team = new WindowTeam(3, thread =>
        {
            Interlocked.Increment(ref calls[thread]);
            if (Volatile.Read(ref fail) && thread > 0)
            {
                throw new InvalidOperationException($"share {thread}");
            }
        });

        var run = () => Within(team.Run);

        run.Should().Throw<InvalidOperationException>().WithMessage("share 1");
        calls.Should().Equal([1, 1, 1], "every share ran before Run threw");
        Volatile.Write(ref fail, false);
        run.Should().NotThrow("the window's exception is not kept for the next");
        calls.Should().Equal(2, 2, 2);
        team.End();
    }

    [Fact]
    public void End_EndsTheHelpers_AndTheNextWindowStartsThemAgain()
    {
        var calls = new int[3];
        var team = new WindowTeam(3, thread => Interlocked.Increment(ref calls[thread]));
        Within(team.Run);
        team.Running.Should().Be(2);

        team.End();
        AwaitRunning(team, 0).Should().BeTrue("ended helpers end when they next look, at once as they are woken");

        Within(team.Run);
        team.Running.Should().Be(2);
        calls.Should().Equal(2, 2, 2);

        // Ended and handed a window at once: each share of that window runs once.
        team.End();
        Within(team.Run);
        calls.Should().Equal(3, 3, 3);
        team.End();
        AwaitRunning(team, 0).Should().BeTrue();
    }

    [Fact]
    public void HelpersWithoutAWindow_EndOnTheirOwn_AndTheNextWindowStartsThemAgain()
    {
        var calls = new int[2];
        var team = new WindowTeam(2, thread => Interlocked.Increment(ref calls[thread]));
        Within(team.Run);

        // A replication that stopped without closing (it failed, or its grain was lost) leaves no thread behind.
        AwaitRunning(team, 0).Should().BeTrue($"a helper ends after {WindowTeam.IdleExit.TotalMilliseconds:0} ms without a window");

        Within(team.Run);
        calls.Should().Equal(2, 2);
        team.End();
    }

    [Fact]
    public void AHelperWaitingForTheNextWindow_IsGivenTheIdleWork_WithItsNumberAndTheWindowItHasSeen()
    {
        var asked = new System.Collections.Concurrent.ConcurrentQueue<(int Helper, long Seen)>();
        using var afterFirst = new ManualResetEventSlim(false);
        using var afterSecond = new ManualResetEventSlim(false);
        var team = new WindowTeam(3, _ => { }, (helper, seen) =>
        {
            asked.Enqueue((helper, seen));
            (seen == 1 ? afterFirst : afterSecond).Set();
            return false;
        });

        Within(team.Run);
        afterFirst.Wait(Limit).Should().BeTrue("a helper done with window 1 is asked to do its idle work while it waits");
        Within(team.Run);
        afterSecond.Wait(Limit).Should().BeTrue();
        team.End();
        AwaitRunning(team, 0).Should().BeTrue("idle work that finds nothing to do keeps no helper from ending");

        asked.Should().OnlyContain(a => (a.Helper == 0 || a.Helper == 1) && (a.Seen == 1 || a.Seen == 2),
            "each helper by its number (from 0), with the last window it has seen");
    }

    [Fact]
    public void IdleWorkThatAlwaysFindsMore_DoesNotHoldUpTheNextWindow()
    {
        // The helper is never out of idle work: it must still see each window handed out and run its share once.
        var calls = new int[2];
        long idle = 0;
        var team = new WindowTeam(2, thread => Interlocked.Increment(ref calls[thread]), (_, _) =>
        {
            Interlocked.Increment(ref idle);
            return true;
        });

        for (var w = 0; w < 200; w++)
        {
            Within(team.Run);
        }

        SpinWait.SpinUntil(() => Interlocked.Read(ref idle) > 0, Limit).Should().BeTrue("the helper waiting after the last window works");
        team.End();
        AwaitRunning(team, 0).Should().BeTrue("a helper busy with idle work still sees the end");
        calls.Should().Equal(200, 200);
    }

    [Fact]
    public void Helpers_Spin_OnlyWhenTheTeamHasNoMoreThreadsThanTheMachineHasCores()
    {
        new WindowTeam(2, _ => { }).Spins.Should().Be(Environment.ProcessorCount >= 2);
        new WindowTeam(Environment.ProcessorCount + 1, _ => { }).Spins.Should().BeFalse(
            "a spinning helper would take a core from a thread with work");
        new Action(() => _ = new WindowTeam(1, _ => { })).Should().Throw<ArgumentOutOfRangeException>("one thread is the caller alone, no team");
    }

    /// <summary>Runs <paramref name="window"/> on a thread of its own and fails if it has not returned within <see cref="Limit"/>; its exception is thrown here.</summary>
    private static void Within(Action window)
    {
        var run = Task.Factory.StartNew(window, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        run.Wait(Limit).Should().BeTrue($"a window returns within {Limit.TotalSeconds:0} s; a lost hand-off hangs");
        run.GetAwaiter().GetResult();
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
