namespace Boxer.Fuzz.Running;

/// <summary>An input that broke the property: an untyped exception, a hang, or too much memory.</summary>
/// <param name="Harness">The target's name.</param>
/// <param name="Kind"><c>exception</c>, <c>hang</c> or <c>memory</c>.</param>
/// <param name="Description">The exception type and message, or the bound that was passed.</param>
/// <param name="StackTop">The first frames of the exception's stack, when there is one.</param>
/// <param name="Input">The input.</param>
public sealed record Finding(string Harness, string Kind, string Description, string StackTop, byte[] Input)
{
    /// <summary>A stable file name: harness, kind and the input's hash.</summary>
    public string FileName => $"{Kind}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Input))[..16]}.bin";

    /// <inheritdoc/>
    public override string ToString() => $"{Harness}/{FileName}: {Kind}: {Description}\n{StackTop}";
}
