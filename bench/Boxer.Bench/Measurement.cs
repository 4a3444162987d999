namespace Boxer.Bench;

/// <summary>One timed child process: wall time, CPU time (user + system, its waited-for children included) and its stdout.</summary>
internal sealed record Measurement(double WallSeconds, double CpuSeconds, string Output);
