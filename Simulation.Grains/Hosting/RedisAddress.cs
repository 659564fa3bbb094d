namespace IsdnSim.Grains.Hosting;

/// <summary>How a Redis configuration string ("host:6379,password=...") is shown in messages: its endpoints only, never a password or other option.</summary>
public static class RedisAddress
{
    public static string Display(string configuration)
    {
        var endpoints = configuration.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(part => !part.Contains('=', StringComparison.Ordinal))
            .ToList();
        return endpoints.Count == 0 ? "(no host)" : string.Join(",", endpoints);
    }
}
