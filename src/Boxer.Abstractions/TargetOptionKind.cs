namespace Boxer.Abstractions;

/// <summary>How a target option's value is entered and checked; the CLI and the TUI form follow it.</summary>
public enum TargetOptionKind
{
    /// <summary>Free text.</summary>
    Text,

    /// <summary>A flag: present means true.</summary>
    Bool,

    /// <summary>One of <see cref="TargetOption.Choices"/>.</summary>
    Choice,

    /// <summary>A filesystem path on the build host.</summary>
    Path,

    /// <summary>A whole number.</summary>
    Integer,
}
