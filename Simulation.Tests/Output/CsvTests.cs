using System.Globalization;
using IsdnSim.Presentation.Output;

namespace IsdnSim.Tests.Output;

/// <summary>The fast paths of <see cref="Csv"/> write exactly what the general formatters write.</summary>
public sealed class CsvTests
{
    private static string Written(Action<Csv> add)
    {
        var text = new StringWriter();
        add(new Csv(text));
        return text.ToString();
    }

    private static string G12(double value) => double.IsFinite(value) ? value.ToString("G12", CultureInfo.InvariantCulture) : "";

    [Fact]
    public void Numbers_AreWrittenAsG12_WholeOnesAndEdgesIncluded()
    {
        double[] edges =
        [
            0, -0.0, 1, -1, 0.5, -0.5, 6.000000000000001, 0.1 + 0.2, 1e-300, double.Epsilon, 123456789012, -123456789012,
            999999999999, -999999999999, 999999999999.5, 1e12, -1e12, 1e12 + 1, 1e15, 1e300, double.MaxValue, double.MinValue,
            long.MaxValue, long.MinValue, 4503599627370496, 9007199254740993, 2.5e-5, 365.25, 1.0 / 3,
            double.NaN, double.PositiveInfinity, double.NegativeInfinity,
        ];
        foreach (var value in edges)
        {
            Written(csv => csv.Add(value)).Should().Be(G12(value), $"{value:R}");
        }

        // Doubles of every magnitude from their bits, and whole numbers around the 10^12 bound.
        var state = 0x9E3779B97F4A7C15UL;
        Span<char> buffer = stackalloc char[32];
        for (var i = 0; i < 200_000; i++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            var bits = BitConverter.Int64BitsToDouble((long)state);
            var whole = Math.Round(bits % 2e12);
            var scaled = (double)(state % 1_000_000) / (1 << (int)(state % 11));
            foreach (var value in new[] { bits, whole, scaled, -scaled })
            {
                new string(buffer[..Csv.Format(value, buffer)]).Should().Be(G12(value), $"{value:R}");
            }
        }
    }

    [Fact]
    public void Dates_AreWrittenAsYearMonthDay_OverTheWholeRange()
    {
        var dates = new[] { DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(999, 12, 31), new DateOnly(2028, 2, 29) }
            .Concat(Enumerable.Range(0, 3_600).Select(d => new DateOnly(1, 1, 1).AddDays(d * 997)));
        foreach (var date in dates)
        {
            Written(csv => csv.Add(date)).Should().Be(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }
}
