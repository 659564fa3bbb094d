using FluentAssertions;
using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Analysis.Statistics;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Time;

namespace IsdnSim.Tests.Records;

/// <summary>
/// The streams a replication's records go through instead of arrays (spools that go to disk past
/// a bound, the merge into canonical order, the external sort of lead times, the figures summed
/// as the records pass) against the in-memory computation they replaced: equal, bit for bit,
/// on random records with many ties, across the spill.
/// </summary>
public sealed class RecordStreamTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(1000)]
    public void Spool_ReadsBackWhatWasAdded_InMemoryAndSpilled(int count)
    {
        var random = new System.Random(count);
        var records = Enumerable.Range(0, count).Select(i => RandomProject(random, i, i)).ToArray();
        using var spool = RecordSpool<ProjectRecord>.Of(records, memoryLimit: 16);

        spool.Count.Should().Be(count);
        spool.Spilled.Should().Be(count > 16, "the block goes to the file when it is full and another record comes");
        spool.ToArray().Should().Equal(records);
        spool.Records(blockSize: 5).Should().Equal(records);
        for (var offset = 0; offset <= count; offset += 1 + (count / 7))
        {
            var page = new ProjectRecord[13];
            var n = spool.Read(offset, page);
            n.Should().Be(Math.Min(13, count - offset));
            page.Take(n).Should().Equal(records.Skip(offset).Take(13));
        }
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 40)]
    [InlineData(3, 1000)]
    public void SpilledBlocks_OfWholeWordRecords_ReadBackBitForBit(int seed, int count)
    {
        // Runs of repeated words (as consecutive project records have), zeros, and doubles whose
        // bits an equality check would not tell apart (-0.0, NaN payloads): compared as bytes.
        var random = new System.Random(seed);
        var records = new ProjectRecord[count];
        for (var i = 0; i < count; i++)
        {
            var r = RandomProject(random, i, i);
            records[i] = random.Next(4) switch
            {
                0 => r with { Path = default, Deadline = -0.0 },
                1 => r with { Arrival = BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0000L | (long)(uint)random.Next()) },
                2 when i > 0 => records[i - 1] with { Id = r.Id },
                _ => r,
            };
        }

        using var spool = RecordSpool<ProjectRecord>.Of(records, memoryLimit: 16);
        Bytes(spool.ToArray()).Should().Equal(Bytes(records));
        Bytes([.. spool.Records(blockSize: 7)]).Should().Equal(Bytes(records));
        for (var offset = 0; offset < count; offset += 1 + random.Next(37))
        {
            var page = new ProjectRecord[1 + random.Next(40)];
            var n = spool.Read(offset, page);
            Bytes(page[..n]).Should().Equal(Bytes(records[offset..(offset + n)]));
        }

        static byte[] Bytes(ProjectRecord[] r) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(r.AsSpan()).ToArray();
    }

    [Fact]
    public void Encoding_WritesTheMaskAndOnlyTheWordsThatDiffer()
    {
        // 17 words a record (a project record): the second differs from the first in words 0 and 16.
        var words = new ulong[34];
        words[0] = 5;
        words[3] = 7;
        words[17] = 6;
        words[20] = 7;
        words[33] = 9;
        var encoded = new byte[2 * (4 + 136)];
        var length = RecordSpool<ProjectRecord>.Encode(words, encoded);

        length.Should().Be(4 + 16 + 4 + 16);
        BitConverter.ToUInt32(encoded, 0).Should().Be((1u << 0) | (1u << 3));
        BitConverter.ToUInt64(encoded, 4).Should().Be(5);
        BitConverter.ToUInt64(encoded, 12).Should().Be(7);
        BitConverter.ToUInt32(encoded, 20).Should().Be((1u << 0) | (1u << 16));
        BitConverter.ToUInt64(encoded, 24).Should().Be(5 ^ 6);
        BitConverter.ToUInt64(encoded, 32).Should().Be(9);

        var second = new ulong[17];
        RecordSpool<ProjectRecord>.Decode(encoded.AsSpan(0, length), 1, second);
        second.Should().Equal(words[17..]);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Encoding_EightWordsAtATime_WritesTheBytesOfOneWordAtATime(int seed)
    {
        // Records of 8, 17 and 32 words: whole vectors only, a word left over, four vectors. Words
        // repeat, become zero, stay small or change at random, so masks of many patterns occur.
        EncodersAgree<Words8>(seed);
        EncodersAgree<ProjectRecord>(seed);
        EncodersAgree<Words32>(seed);

        static void EncodersAgree<T>(int seed)
            where T : unmanaged
        {
            var random = new System.Random(seed);
            var size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>() / sizeof(ulong);
            var records = 1 + random.Next(300);
            var words = new ulong[records * size];
            for (var i = 0; i < words.Length; i++)
            {
                words[i] = random.Next(4) switch
                {
                    0 when i >= size => words[i - size],
                    1 => 0,
                    2 => (ulong)random.Next(3),
                    _ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 33),
                };
            }

            // Encode takes eight words at a time where the processor can (AVX-512), as here; one byte
            // past the output shows a write past its end.
            var capacity = records * (sizeof(uint) + (size * sizeof(ulong)));
            var byWords = new byte[capacity + 1];
            var wide = new byte[capacity + 1];
            var length = RecordSpool<T>.EncodeRecords(words, byWords.AsSpan(0, capacity), wide: false);
            RecordSpool<T>.Encode(words, wide.AsSpan(0, capacity)).Should().Be(length);
            wide.AsSpan(0, length).ToArray().Should().Equal(byWords.AsSpan(0, length).ToArray());
            wide[capacity].Should().Be(0);

            var decoded = new ulong[words.Length];
            RecordSpool<T>.Decode(wide.AsSpan(0, length), 0, decoded);
            decoded.Should().Equal(words);
        }
    }

    [Fact]
    public void Spool_ReadAfterDispose_HoldsNothing()
    {
        var spool = RecordSpool<double>.Of(Enumerable.Range(0, 100).Select(i => (double)i), memoryLimit: 8);
        spool.Dispose();
        spool.Count.Should().Be(0);
        spool.ToArray().Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Projects_MergeIntoTheOrderOfASortByFinishThenId(int seed)
    {
        var random = new System.Random(seed);
        var agents = Enumerable.Range(0, 1 + random.Next(6)).Select(a => AgentFinishes(random, a, random.Next(0, 300))).ToArray();

        // What ReplicationResult.Assemble did before: every agent's records in one array, sorted by (finish, id).
        var expected = agents.SelectMany(a => a).ToArray();
        Array.Sort(expected, (x, y) => x.Finish != y.Finish ? x.Finish.CompareTo(y.Finish) : x.Id.CompareTo(y.Id));

        var merged = CanonicalRecords.Projects([.. agents.Select(a => RecordSpool<ProjectRecord>.Of(a, memoryLimit: 8))]);
        merged.Count.Should().Be(expected.Length);
        merged.Should().Equal(expected);
        merged.Should().Equal(expected, "a second read gives the same");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Projects_MergeIntoTheOrderOfASortByFinishThenId_FromSmallBlocksAndLongMoments(int seed)
    {
        // Many agents, some with long runs of one moment (a council session): blocks of 1 to 4
        // records, so moments cross every block's end and fill whole blocks.
        var random = new System.Random(seed);
        var agents = Enumerable.Range(0, 1 + random.Next(40)).Select(a =>
        {
            var finish = 0.0;
            return Enumerable.Range(0, random.Next(0, 60)).Select(i =>
            {
                finish += random.Next(4) == 0 ? random.Next(1, 3) : 0;
                return RandomProject(random, (a * 1000) + i, finish);
            }).ToArray();
        }).ToArray();
        var expected = agents.SelectMany(a => a).ToArray();
        Array.Sort(expected, (x, y) => x.Finish != y.Finish ? x.Finish.CompareTo(y.Finish) : x.Id.CompareTo(y.Id));

        var blockSize = 1 + random.Next(4);
        var merged = CanonicalRecords.Projects([.. agents.Select(a => RecordSpool<ProjectRecord>.Of(a, memoryLimit: 8))]);
        var small = new CanonicalRecords<ProjectRecord>(merged.Sources, static p => p.Finish, CanonicalRecords.ByFinishThenId) { BlockSize = blockSize };
        small.Should().Equal(expected, $"blocks of {blockSize}");
        small.Should().Equal(expected, "a second read gives the same");
        using var enumerator = small.GetEnumerator();
        enumerator.MoveNext().Should().Be(expected.Length > 0);
        enumerator.Reset();
        var again = new List<ProjectRecord>();
        while (enumerator.MoveNext())
        {
            again.Add(enumerator.Current);
        }

        again.Should().Equal(expected, "after a reset");
        var unordered = merged.Unordered().ToArray();
        Array.Sort(unordered, CanonicalRecords.ByFinishThenId);
        unordered.Should().Equal(expected, "every record once, in any order");
    }

    [Fact]
    public void Projects_OutOfTheOrderOfTime_AcrossABlocksEnd_AreRefused()
    {
        var records = new[] { Project(0, 1), Project(1, 2), Project(2, 4), Project(3, 3), Project(4, 5) };
        var merged = new CanonicalRecords<ProjectRecord>([RecordSpool<ProjectRecord>.Of(records)], static p => p.Finish, CanonicalRecords.ByFinishThenId) { BlockSize = 2 };
        merged.Invoking(m => m.ToList()).Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Steps_AreInTheOrderOfTheSortOfAllOfThem(int seed)
    {
        var random = new System.Random(seed);
        var agents = Enumerable.Range(0, 1 + random.Next(4)).Select(a =>
        {
            var t = 0.0;
            return Enumerable.Range(0, random.Next(200)).Select(i =>
            {
                t += random.Next(3) == 0 ? 1 : 0;
                return new StepRecord(new ProjectId(a, random.Next(3), i), 0, random.Next(4), a, 0, 0, 0, t, 1) { Segment = random.Next(2) - 1 };
            }).ToArray();
        }).ToArray();

        // What ReplicationResult.Assemble did before, ties of (end, project, step) included.
        var expected = agents.SelectMany(a => a).ToArray();
        Array.Sort(expected, static (x, y) =>
        {
            var c = x.End.CompareTo(y.End);
            if (c != 0)
            {
                return c;
            }

            c = x.Project.CompareTo(y.Project);
            return c != 0 ? c : x.Step.CompareTo(y.Step);
        });

        CanonicalRecords.Steps([.. agents.Select(a => RecordSpool<StepRecord>.Of(a, memoryLimit: 8))]).Should().Equal(expected);
    }

    [Fact]
    public void Projects_OutOfTheOrderOfTime_AreRefused()
    {
        var records = new[] { Project(0, 5), Project(1, 3) };
        var merged = CanonicalRecords.Projects([RecordSpool<ProjectRecord>.Of(records)]);
        merged.Invoking(m => m.ToList()).Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SortedSample_ReadsAsArraySortDoes_AndSummarisesExactly(int seed)
    {
        var random = new System.Random(seed);
        var values = Enumerable.Range(0, random.Next(0, 3000))
            .Select(_ => random.Next(4) == 0 ? random.Next(10) : random.NextDouble() * Math.Pow(10, random.Next(-3, 6)))
            .ToArray();
        using var sample = new SortedSample(runLength: 1 + random.Next(200));
        foreach (var v in values)
        {
            sample.Add(v);
        }

        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        sample.Ascending().Should().Equal(sorted);

        double[] ps = [0, 0.01, 0.37, 0.5, 0.9, 0.999, 1];
        var summary = sample.Summarise(ps);
        summary.Count.Should().Be(sorted.Length);
        if (sorted.Length > 0)
        {
            Bits(summary.Mean).Should().Be(Bits(sorted.Average()));
        }
        else
        {
            summary.Mean.Should().Be(double.NaN);
        }

        summary.Quantiles.Select(Bits).Should().Equal(ps.Select(p => Bits(Quantiles.OfSorted(sorted, p))));
        sample.CountAtMost(3).Should().Be(sorted.Count(v => v <= 3));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void FlowFigures_Streamed_EqualTheInMemoryComputation(int seed)
    {
        var random = new System.Random(seed);
        var finished = AgentFinishes(random, 0, random.Next(0, 2000));
        var arrivals = new[] { new ArrivalTally(0, 0, finished.Length + 7, finished.Sum(p => p.Arrival) + 20, Before: 3) };

        FlowFigures.Compute(finished, arrivals, 400, 30).Should().Be(InMemoryFlowFigures(finished, arrivals, 400, 30));
    }

    [Fact]
    public void FlowFigures_Streamed_EqualTheInMemoryComputation_PastOneSortedRun()
    {
        var random = new System.Random(13);
        var finished = AgentFinishes(random, 0, SortedSample.DefaultRunLength + 5000);
        var arrivals = new[] { new ArrivalTally(0, 0, finished.Length, finished.Sum(p => p.Arrival), Before: 0) };

        FlowFigures.Compute(finished, arrivals, 100_000, 10).Should().Be(InMemoryFlowFigures(finished, arrivals, 100_000, 10));
    }

    private static long Bits(double v) => BitConverter.DoubleToInt64Bits(v);

    /// <summary>One agent's finished projects in the order it finishes them: finish times rising, with ties.</summary>
    private static ProjectRecord[] AgentFinishes(System.Random random, int agent, int count)
    {
        var finish = 0.0;
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            finish += random.Next(3) == 0 ? 0 : random.NextDouble() * 5;
            return RandomProject(random, agent * 100_000 + i, finish);
        })];
    }

    private static ProjectRecord Project(int serial, double finish) => new(new ProjectId(0, 0, serial), 0, finish, default);

    private static ProjectRecord RandomProject(System.Random random, int serial, double finish)
    {
        var arrival = finish - (random.NextDouble() * 50);
        return new ProjectRecord(
            new ProjectId(random.Next(5), random.Next(3), serial),
            arrival,
            finish,
            new PathSummary(random.NextDouble(), random.NextDouble() * 3, random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble()))
        {
            Deadline = random.Next(2) == 0 ? double.PositiveInfinity : finish + random.Next(-5, 5),
            Shock = random.Next(3) - 1,
            Group = random.Next(2),
            Dominant = new DominantStep(random.Next(4), random.Next(3), random.Next(2), random.NextDouble()),
            Handoffs = random.Next(5),
            Reworks = random.Next(3),
        };
    }

    /// <summary>FlowFigures.Compute as it was when a replication's projects were an array: the reference.</summary>
    private static FlowFigures InMemoryFlowFigures(IReadOnlyList<ProjectRecord> finished, IEnumerable<ArrivalTally> arrivals, double horizon, double warmup)
    {
        var observed = horizon - warmup;
        long arrived = 0;
        double remainingSum = 0;
        long before = 0;
        foreach (var a in arrivals)
        {
            arrived += a.Count;
            remainingSum += a.Count * horizon - a.SumOfArrivalTimes;
            before += a.Before;
        }

        var counted = new List<ProjectRecord>(finished.Count);
        long finishedBefore = 0;
        long arrivedAndFinished = 0;
        foreach (var p in finished)
        {
            if (p.Arrival >= warmup)
            {
                arrivedAndFinished++;
            }

            if (p.Finish >= warmup)
            {
                counted.Add(p);
            }
            else
            {
                finishedBefore++;
            }
        }

        remainingSum += (before - finishedBefore) * observed;
        var leadTimes = new double[counted.Count];
        double afterFinish = 0;
        var parts = new PathSummary();
        double handoffs = 0, reworks = 0;
        for (var i = 0; i < counted.Count; i++)
        {
            var p = counted[i];
            leadTimes[i] = p.LeadTime;
            afterFinish += horizon - p.Finish;
            parts = new PathSummary(parts.Wait + p.Path.Wait, parts.Service + p.Path.Service, parts.Council + p.Path.Council,
                parts.Handoff + p.Path.Handoff, parts.Rework + p.Path.Rework, parts.Window + p.Path.Window, parts.Period + p.Path.Period);
            handoffs += p.Handoffs;
            reworks += p.Reworks;
        }

        Array.Sort(leadTimes);
        var n = counted.Count;
        return new FlowFigures(
            arrived,
            n,
            ThroughputPerYear: n / (observed / CalendarConstants.DaysPerYear),
            WipMean: (remainingSum - afterFinish) / observed,
            LeadTimeMean: n > 0 ? leadTimes.Average() : double.NaN,
            LeadTimeMedian: Quantiles.OfSorted(leadTimes, 0.5),
            LeadTimeP90: Quantiles.OfSorted(leadTimes, 0.9),
            WaitMean: Mean(parts.Wait),
            ServiceMean: Mean(parts.Service),
            CouncilMean: Mean(parts.Council),
            HandoffMean: Mean(parts.Handoff),
            ReworkMean: Mean(parts.Rework),
            WindowMean: Mean(parts.Window),
            CriticalChainHandoffs: Mean(handoffs),
            CriticalChainReworks: Mean(reworks))
        {
            ArrivedAndFinished = arrivedAndFinished,
            UnfinishedAtHorizon = arrived + before - finished.Count,
            PeriodMean = Mean(parts.Period),
        };

        double Mean(double sum) => n > 0 ? sum / n : double.NaN;
    }

    [System.Runtime.CompilerServices.InlineArray(8)]
    private struct Words8
    {
        private ulong _first;
    }

    [System.Runtime.CompilerServices.InlineArray(32)]
    private struct Words32
    {
        private ulong _first;
    }
}
