namespace IsdnSim.Presentation.Output;

/// <summary>
/// The text <c>value.ToString("G12", CultureInfo.InvariantCulture)</c> gives, for the values it writes
/// without an exponent (magnitudes from 10^-4 to 10^12), found with one multiplication and integer
/// digits instead of the general formatter's exact decimal expansion, which was most of the time
/// spent writing a run's folder (projects.csv has eight fractional days per row). A value it cannot
/// decide for certain is left to the general formatter: the caller then uses that.
/// </summary>
/// <remarks>
/// G12 rounds the exact binary value to twelve significant digits, drops trailing zeros, and uses
/// fixed notation while the rounded value's decimal exponent e is between -5 (exclusive) and 12.
/// With m = 11 - e, the twelve digits are the integer nearest to |value| x 10^m, a number between
/// 10^11 and 10^12. 10^m is exact as a double for m up to 22, so the product p computed in double
/// arithmetic is within half an ulp of the exact product: below 2^40, that is at most 2^-14. The
/// rounding is therefore certain unless p's fraction is within that of one half, where the exact
/// decimal expansion decides a tie or near-tie; those values, and products that land outside
/// [10^11, 10^12) at the edges of a decade, go to the general formatter. The digits are then
/// written as G12 writes them: an integer part (or "0."), the fraction without trailing zeros.
/// </remarks>
internal static class G12Fixed
{
    private const long Smallest = 100_000_000_000;
    private const long Bound = 1_000_000_000_000;

    // Fractions of p this close to one half are left to the general formatter (the computed product's error is below 2^-14).
    private const double Tie = 1e-3;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    ];

    /// <summary>Writes <paramref name="value"/> as G12 does into <paramref name="buffer"/> (32 characters suffice); false, with nothing written that counts, where it leaves the value to the general formatter.</summary>
    public static bool TryFormat(double value, Span<char> buffer, out int written)
    {
        written = 0;
        var magnitude = Math.Abs(value);
        if (!(magnitude >= 1e-4 && magnitude < 1e12))
        {
            return false;
        }

        // The decimal exponent: 10^e <= magnitude < 10^(e+1), from exact powers above 1 and by
        // division below (a near miss at a decade's edge is caught by the range check on p).
        int e;
        if (magnitude >= 1)
        {
            e = 0;
            while (e < 11 && magnitude >= PowersOfTen[e + 1])
            {
                e++;
            }
        }
        else
        {
            e = -1;
            while (e > -4 && magnitude * PowersOfTen[-e] < 1)
            {
                e--;
            }
        }

        var p = magnitude * PowersOfTen[11 - e];
        var whole = Math.Floor(p);
        var fraction = p - whole;
        if (Math.Abs(fraction - 0.5) < Tie)
        {
            return false;
        }

        var digits = (long)whole + (fraction > 0.5 ? 1 : 0);
        if (digits < Smallest || digits >= Bound)
        {
            return false;
        }

        var at = 0;
        if (value < 0)
        {
            buffer[at++] = '-';
        }

        // The twelve digits, then the fraction's trailing zeros dropped (with the point if none is left).
        Span<char> text = stackalloc char[12];
        for (var i = 11; i >= 0; i--)
        {
            text[i] = (char)('0' + (int)(digits % 10));
            digits /= 10;
        }

        var integerDigits = e + 1;
        var last = 12;
        while (last > Math.Max(integerDigits, 0) && text[last - 1] == '0')
        {
            last--;
        }

        if (integerDigits > 0)
        {
            text[..integerDigits].CopyTo(buffer[at..]);
            at += integerDigits;
            if (last > integerDigits)
            {
                buffer[at++] = '.';
                text[integerDigits..last].CopyTo(buffer[at..]);
                at += last - integerDigits;
            }
        }
        else
        {
            buffer[at++] = '0';
            buffer[at++] = '.';
            for (var z = integerDigits; z < 0; z++)
            {
                buffer[at++] = '0';
            }

            text[..last].CopyTo(buffer[at..]);
            at += last;
        }

        written = at;
        return true;
    }
}
