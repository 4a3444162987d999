namespace Boxer.Abstractions;

/// <summary>
/// A CPU architecture in Go/OCI naming (<c>amd64</c>, <c>arm64</c>, <c>arm</c> with variant <c>v7</c>, …), or
/// <see cref="Unknown"/> when the stage3 held no ELF file to read it from. A type rather than a string so that
/// "unknown" is one value every target can test (<see cref="IsKnown"/>) instead of a magic word each repeats.
/// </summary>
/// <param name="Name">The Go/OCI name, e.g. <c>amd64</c>; <c>unknown</c> for <see cref="Unknown"/>.</param>
/// <param name="Variant">The variant, e.g. <c>v7</c> for 32-bit arm, <c>v8</c> for arm64; null if none applies.</param>
public sealed record CpuArchitecture(string Name, string? Variant = null)
{
    /// <summary>No architecture could be detected. Targets that must name one decide (and say) what to write.</summary>
    public static CpuArchitecture Unknown { get; } = new("unknown");

    /// <summary>x86-64, the architecture of most stage3s.</summary>
    public static CpuArchitecture Amd64 { get; } = new("amd64");

    /// <summary>True unless this is <see cref="Unknown"/>.</summary>
    public bool IsKnown => this != Unknown;

    /// <summary>This architecture if known, else <paramref name="fallback"/>.</summary>
    /// <param name="fallback">What to use for <see cref="Unknown"/>.</param>
    /// <returns>A known architecture, unless the fallback is unknown too.</returns>
    public CpuArchitecture OrElse(CpuArchitecture fallback) => IsKnown ? this : fallback;

    /// <summary>The name, with <c>/variant</c> when there is one: <c>amd64</c>, <c>arm/v7</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => Variant is null ? Name : $"{Name}/{Variant}";
}
