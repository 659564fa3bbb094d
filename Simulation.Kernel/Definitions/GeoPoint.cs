namespace IsdnSim.Kernel.Definitions;

/// <summary>Where a place is: latitude and longitude in degrees (WGS 84).</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>The mean radius of the earth, km (IUGG).</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>The great-circle (straight-line) distance to <paramref name="other"/>, km, by the haversine formula.</summary>
    public double DistanceKm(GeoPoint other)
    {
        const double rad = Math.PI / 180;
        var dLat = (other.Latitude - Latitude) * rad;
        var dLon = (other.Longitude - Longitude) * rad;
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                Math.Cos(Latitude * rad) * Math.Cos(other.Latitude * rad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
