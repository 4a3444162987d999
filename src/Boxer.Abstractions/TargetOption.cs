namespace Boxer.Abstractions;

/// <summary>
/// An option a target declares. The CLI turns it into <c>--name value</c> (or a bare <c>--name</c> for
/// <see cref="TargetOptionKind.Bool"/>) on the target's verb; the TUI turns it into a form field.
/// </summary>
/// <param name="Name">The option's name in kebab case, without dashes, e.g. <c>tag</c> or <c>block-size</c>.</param>
/// <param name="Kind">How the value is entered.</param>
/// <param name="Help">One line of help.</param>
public sealed record TargetOption(string Name, TargetOptionKind Kind, string Help)
{
    /// <summary>The value used when none is given, as text; null for none.</summary>
    public string? Default { get; init; }

    /// <summary>The allowed values of a <see cref="TargetOptionKind.Choice"/> option.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>
    /// True if writing cannot start without a value (an output path, say). A plan, which writes nothing,
    /// does not ask for it; see <see cref="ITarget.ValidateWrite"/>.
    /// </summary>
    public bool Required { get; init; }

    /// <summary>A placeholder for the value in help text, e.g. <c>NAME:TAG</c>.</summary>
    public string? ValueName { get; init; }

    /// <summary>
    /// Checks one value as it is typed or parsed; returns the reason it is wrong, or null when it is fine.
    /// Null means any value of the right <see cref="Kind"/> is accepted.
    /// </summary>
    public Func<string, string?>? Validate { get; init; }
}
