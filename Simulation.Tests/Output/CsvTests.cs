using System.Globalization;
using IsdnSim.Presentation.Output;

namespace IsdnSim.Tests.Output;

/// <summary>The fast paths of <see cref="Csv"/> write exactly what the general formatters write, and its buffer exactly what writing field by field wrote.</summary>
public sealed class CsvTests
{
    private static string Written(Action<Csv> add)
    {
        var text = new StringWriter();
        var csv = new Csv(text);
        add(csv);
        csv.Flush();
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

            // Ties and near-ties at the 13th digit, and the edges of fixed notation (1e-4 to 1e12) and of each decade.
            1234567890.125, -1234567890.125, 0.1234567890125, 2.0000000000005, 2.00000000000050001, 1.99999999999949,
            0.0001, 0.00009999999999999, 0.000099999999999995, 1e-4 * (1 + 1e-15), 0.00010000000000005, 0.000123456789012345,
            0.99999999999995, 0.999999999999949, 0.9999999999999, 9.9999999999995, 99999999999.99995, 999999999999.4,
            999999999999.6, 99999999999.5, 0.1, 0.01, 0.001, 10.5, 211.310625, 12.9946957245, 198.315929276,
            1e-5, 1.5e-5, 5e-324, -5e-324, 2.2250738585072014e-308,
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
            var day = (double)(state % 3_650_000_000) / 1_000_000 + (double)(state >> 40) / (1L << 24) / 1440;
            var decade = Math.Pow(10, (int)(state % 21) - 6);
            var nearDecade = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(decade) + (long)(state % 7) - 3);
            var share = (double)(state % 1_000_003) / 1_000_003;
            foreach (var value in new[] { bits, whole, scaled, -scaled, day, -day, decade, nearDecade, -nearDecade, share, share / 1000 })
            {
                new string(buffer[..Csv.Format(value, buffer)]).Should().Be(G12(value), $"{value:R}");
            }
        }
    }

    [Fact]
    public void Numbers_NearEveryDecadeAndTie_AreWrittenAsG12()
    {
        Span<char> buffer = stackalloc char[32];
        for (var e = -6; e <= 12; e++)
        {
            var decade = Math.Pow(10, e);
            var bits = BitConverter.DoubleToInt64Bits(decade);
            for (var step = -200; step <= 200; step++)
            {
                var value = BitConverter.Int64BitsToDouble(bits + step);
                new string(buffer[..Csv.Format(value, buffer)]).Should().Be(G12(value), $"{value:R}");
                new string(buffer[..Csv.Format(-value, buffer)]).Should().Be(G12(-value), $"{-value:R}");
            }

            // Values whose 13th significant digit is a 5 (exactly or within an ulp): the tie rule decides.
            for (var k = 1; k < 2_000; k++)
            {
                var tie = (k * 1.0000000000005 + 0.5e-12 * k) * decade;
                foreach (var value in new[] { tie, BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(tie) + 1), BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(tie) - 1) })
                {
                    new string(buffer[..Csv.Format(value, buffer)]).Should().Be(G12(value), $"{value:R}");
                }
            }
        }
    }

    [Fact]
    public void Text_IsQuotedWhereItMustBe_AndLongTextPassesTheBuffer()
    {
        string[] texts =
        [
            "", "plain", "a,b", "say \"hi\"", "\"", "\"\"", "line\nbreak", "carriage\rreturn", "ümlaut, and \"quotes\"\n",
            new string('x', 40_000), new string('"', 20_000) + "," + new string('y', 20_000),
        ];
        foreach (var text in texts)
        {
            var quoted = text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
            Written(csv => csv.Add(text)).Should().Be(quoted);
            Written(csv => csv.Add(text.AsSpan())).Should().Be(quoted);
        }
    }

    [Fact]
    public void ManyRows_AreWrittenAsFieldByField()
    {
        // A reference that writes each field as the old writer did, straight to the text.
        var expected = new System.Text.StringBuilder();
        var text = new StringWriter();
        var csv = new Csv(text);
        var state = 0x2545F4914F6CDD1DUL;
        for (var row = 0; row < 20_000; row++)
        {
            for (var field = 0; field < 1 + (row % 9); field++)
            {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                if (field > 0)
                {
                    expected.Append(',');
                }

                switch (state % 5)
                {
                    case 0:
                        csv.Add((long)state);
                        expected.Append(((long)state).ToString(CultureInfo.InvariantCulture));
                        break;
                    case 1:
                        var value = (double)(state % 100_000_000) / 7919;
                        csv.Add(value);
                        expected.Append(G12(value));
                        break;
                    case 2:
                        var date = DateOnly.FromDayNumber((int)(state % 3_000_000));
                        csv.Add(date);
                        expected.Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        break;
                    case 3:
                        var name = new string((char)('a' + (int)(state % 26)), (int)(state % 300));
                        csv.Add(name);
                        expected.Append(name);
                        break;
                    default:
                        csv.Add("x,\"y\"");
                        expected.Append("\"x,\"\"y\"\"\"");
                        break;
                }
            }

            csv.EndRow();
            expected.Append('\n');
        }

        csv.Flush();
        text.ToString().Should().Be(expected.ToString());
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
