using System.Diagnostics;
using Boxer.Abstractions;

namespace Boxer.Targets.Lxd;

/// <summary>
/// Compresses the (small) metadata tarball with the <c>xz</c> program: .NET has no xz encoder, and every
/// machine that runs LXD has xz-utils. Single-threaded (<c>-T1</c>) so the output is the same on every run.
/// </summary>
internal static class XzCompressor
{
    public static async Task<byte[]> CompressAsync(byte[] input, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("xz", ["-T1", "-6", "--check=crc64", "-c", "-q"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new TargetException(LxdTarget.TargetName, "cannot run xz to compress metadata.tar.xz: install xz-utils", error);
        }
        using (process)
        {
            using var output = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardInput.BaseStream.WriteAsync(input, cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
            await reading.ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new TargetException(LxdTarget.TargetName, $"xz failed (exit {process.ExitCode}): {(await errors.ConfigureAwait(false)).Trim()}");
            }
            return output.ToArray();
        }
    }
}
