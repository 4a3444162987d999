namespace Boxer.Formats.Sif;

/// <summary>Header-level choices for <see cref="SifWriter"/>.</summary>
public sealed record SifWriterOptions
{
    /// <summary>The launch script at offset 0; empty leaves it zero (the library default), apptainer writes
    /// <c>#!/usr/bin/env run-singularity\n</c> so that <c>./image.sif</c> runs.</summary>
    public string LaunchScript { get; init; } = "";

    /// <summary>The launch script apptainer writes, so that <c>./image.sif</c> runs.</summary>
    public const string ApptainerLaunchScript = SifLayout.DefaultLaunchScript;

    /// <summary>The image UUID; <see cref="Guid.Empty"/> for the reproducible form.</summary>
    public Guid Id { get; init; } = Guid.Empty;

    /// <summary>Created and modified time of the header and every descriptor, Unix seconds.</summary>
    public long Time { get; init; } = SifLayout.DeterministicTime;

    /// <summary>Descriptor slots to reserve.</summary>
    public int DescriptorCapacity { get; init; } = SifLayout.DefaultDescriptorCapacity;

    /// <summary>The reproducible form used for SOURCE_DATE_EPOCH builds: nil UUID, Go's zero time everywhere.</summary>
    public static SifWriterOptions Deterministic { get; } = new();

    /// <summary>What apptainer writes: its launch script, a fresh UUID, the current time.</summary>
    /// <returns>The options.</returns>
    public static SifWriterOptions Apptainer() => new()
    {
        LaunchScript = SifLayout.DefaultLaunchScript,
        Id = Guid.NewGuid(),
        Time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
    };
}
