namespace Boxer.Core.Pipeline;

/// <summary>How far a <see cref="TargetRun"/> goes, and so which option checks apply.</summary>
public enum TargetRunMode
{
    /// <summary>The whole path: the target writes its artifact. Every option check applies.</summary>
    Write,

    /// <summary>
    /// The same path stopped before the write (<c>--plan</c>): options that only writing needs
    /// (<see cref="Boxer.Abstractions.TargetOption.Required"/>, <see cref="Boxer.Abstractions.ITarget.ValidateWrite"/>)
    /// are not asked for, since nothing is written.
    /// </summary>
    Plan,
}
