using Boxer.Abstractions;

namespace Boxer.Core.Tree;

/// <summary>
/// The in-memory root filesystem: metadata per entry, file content in a shared spool file. Implements the
/// editable contract; <see cref="Clone"/> is cheap (metadata only) so each target can finalize its own copy.
/// </summary>
public sealed partial class RootFs : IRootFs, IDisposable
{
    /// <summary>An independent copy of the tree that shares the content spool.</summary>
    public RootFs Clone() => throw new NotImplementedException();

    /// <summary>A view that can only read, handed to targets.</summary>
    public IReadOnlyRootFs AsReadOnly() => throw new NotImplementedException();

    public void Dispose() => throw new NotImplementedException();
}
