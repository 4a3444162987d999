namespace Boxer.Abstractions;

/// <summary>
/// An output format and where it goes: a Docker image, a SIF file, an LXD image. A plugin assembly exposes
/// each target as a public class with a public parameterless constructor; the host finds and creates it.
/// </summary>
public interface ITarget
{
    /// <summary>The target's name and CLI verb, lowercase, e.g. <c>docker</c> or <c>sif</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what the target makes.</summary>
    string Summary { get; }

    /// <summary>The options the target takes; the CLI and the TUI are generated from them.</summary>
    IReadOnlyList<TargetOption> Options { get; }

    /// <summary>
    /// Checks the option values together before anything is imported, e.g. that <c>--push</c> has a
    /// <c>--tag</c>. Each declared option's <see cref="TargetOption.Validate"/> has already passed.
    /// </summary>
    /// <param name="options">The values given.</param>
    /// <returns>The problems found, one line each; empty when the values are usable.</returns>
    IReadOnlyList<string> Validate(TargetOptionValues options) => [];

    /// <summary>
    /// Checks what only writing needs, e.g. that docker has somewhere to put the image (<c>--tag</c> or
    /// <c>--out</c>). A plan stops before the write, so it runs <see cref="Validate"/> but not this, just as it
    /// does not ask for <see cref="TargetOption.Required"/> options. <see cref="Validate"/> has already passed.
    /// </summary>
    /// <param name="options">The values given, defaults applied.</param>
    /// <returns>The problems found, one line each; empty when the target can write.</returns>
    IReadOnlyList<string> ValidateWrite(TargetOptionValues options) => [];

    /// <summary>
    /// Adds what the format itself needs to the tree (e.g. <c>/.singularity.d</c>), before the recipe runs.
    /// Policy (services, time zone, cleanup) belongs in recipes, not here.
    /// </summary>
    /// <param name="context">The tree and the build's facts.</param>
    void Prepare(TargetPrepareContext context);

    /// <summary>
    /// Writes the artifact from the finalized tree. Writes to a temporary name and renames it at the end;
    /// on failure or cancellation removes what it wrote.
    /// </summary>
    /// <param name="context">The finalized tree and the build's facts.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>What was produced.</returns>
    /// <exception cref="TargetException">The artifact could not be produced; the message is shown to the user.</exception>
    Task<IReadOnlyList<Artifact>> BuildAsync(TargetBuildContext context, CancellationToken cancellationToken);
}
