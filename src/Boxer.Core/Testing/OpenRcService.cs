namespace Boxer.Core.Testing;

/// <summary>
/// One service line of <c>rc-status</c>: the runlevel section it was listed under (<c>default</c>, a stacked
/// runlevel, or a dynamic one such as <c>needed/wanted</c>), its name and its state word.
/// </summary>
/// <param name="Section">The runlevel named by the section header above the line.</param>
/// <param name="Name">The service name.</param>
/// <param name="State">The first word in the brackets: started, stopped, crashed, failed, starting, stopping,
/// inactive, scheduled, unsupervised.</param>
/// <param name="Line">The line as printed (colours removed), for messages.</param>
public sealed record OpenRcService(string Section, string Name, string State, string Line)
{
    /// <summary>True only for <c>started</c>; <c>rc-status</c> may add the uptime after the word.</summary>
    public bool IsStarted => State == "started";

    public override string ToString() => $"{Name} [{State}] ({Section})";
}
