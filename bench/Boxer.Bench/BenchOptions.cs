using System.Globalization;

namespace Boxer.Bench;

/// <summary>Command-line options of the benchmark.</summary>
internal sealed record BenchOptions(long SizeBytes, int Runs, bool Managed, string? File, int Nice)
{
    public static BenchOptions Parse(string[] args, int defaultRuns)
    {
        long size = 1L << 30;
        int runs = defaultRuns;
        bool managed = false;
        string? file = null;
        int nice = 0;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--size": size = ParseSize(args[++i]); break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--managed": managed = true; break;
                case "--nice": nice = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: file = args[i]; break;
            }
        }
        return new BenchOptions(size, runs, managed, file, nice);
    }

    /// <summary>Parses <c>1g</c>, <c>300m</c>, <c>512k</c> or plain bytes.</summary>
    public static long ParseSize(string text)
    {
        text = text.Trim().ToLowerInvariant();
        long unit = text[^1] switch { 'g' => 1L << 30, 'm' => 1L << 20, 'k' => 1L << 10, _ => 1 };
        var number = unit == 1 ? text : text[..^1];
        return (long)(double.Parse(number, CultureInfo.InvariantCulture) * unit);
    }

    public string SizeLabel => SizeBytes % (1L << 30) == 0 ? $"{SizeBytes >> 30}g" : $"{SizeBytes >> 20}m";
}
