using System.CommandLine;
using Boxer.Core.Sbom;

namespace Boxer.Host.Cli;

/// <summary><c>--sbom spdx|cyclonedx|none</c>: the bill of materials every build verb attaches to its outputs.</summary>
internal static class SbomOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--sbom")
        {
            Description = "The bill of materials to attach, read from the stage3's package databases before the recipe [default: spdx]",
            HelpName = "spdx|cyclonedx|none",
        };
        option.AcceptOnlyFromAmong("spdx", "cyclonedx", "none");
        return option;
    }

    public static SbomFormat Read(ParseResult parse, Option<string> option) => parse.GetValue(option) switch
    {
        "cyclonedx" => SbomFormat.CycloneDx,
        "none" => SbomFormat.None,
        _ => SbomFormat.Spdx,
    };
}
