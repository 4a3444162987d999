using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests;

/// <summary>
/// The dependency rules of ARCHITECTURE.md, checked in the project files and again in the built assemblies:
/// the contract needs only the BCL, plugins see only the contract and the format writers, and the host
/// never references a plugin (it finds plugins at run time).
/// </summary>
public sealed class ReferenceRulesSpecs
{
    private static readonly string[] PluginAllowedProjects = ["Boxer.Abstractions.csproj", "Boxer.Formats.csproj"];
    private static readonly string[] PluginAllowedBoxerAssemblies = ["Boxer.Abstractions", "Boxer.Formats"];

    [Fact]
    public void The_contract_project_references_nothing()
    {
        var project = ProjectFile.Load(Path.Combine(RepoPaths.Root, "src", "Boxer.Abstractions", "Boxer.Abstractions.csproj"));

        Assert.Empty(project.ProjectReferences);
        Assert.Empty(project.PackageReferences);
    }

    [Fact]
    public void The_built_contract_references_only_the_base_class_library()
    {
        var references = AssemblyReferences(Path.Combine(BoxerHost.HostDirectory, "Boxer.Abstractions.dll"));

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib", name));
    }

    [Fact]
    public void Plugin_projects_reference_only_the_contract_and_the_formats()
    {
        var projects = Directory.GetFiles(Path.Combine(RepoPaths.Root, "plugins"), "*.csproj", SearchOption.AllDirectories);

        Assert.NotEmpty(projects);
        foreach (var project in projects.Select(ProjectFile.Load))
        {
            Assert.All(project.ProjectReferences, reference =>
                Assert.True(PluginAllowedProjects.Contains(Path.GetFileName(reference)), $"{project.Path} references {reference}"));
        }
    }

    [Fact]
    public void Built_plugins_reference_no_boxer_assembly_but_the_contract_and_the_formats()
    {
        var plugins = Directory.GetDirectories(Path.Combine(BoxerHost.HostDirectory, "plugins"))
            .Select(dir => Path.Combine(dir, Path.GetFileName(dir) + ".dll"))
            .ToList();

        Assert.NotEmpty(plugins);
        foreach (var plugin in plugins)
        {
            var boxerReferences = AssemblyReferences(plugin).Where(IsBoxerAssembly);
            Assert.All(boxerReferences, name =>
                Assert.True(PluginAllowedBoxerAssemblies.Contains(name), $"{Path.GetFileName(plugin)} references {name}"));
        }
    }

    [Theory]
    [InlineData("src/Boxer.Host/Boxer.Host.csproj")]
    [InlineData("src/Boxer.Core/Boxer.Core.csproj")]
    public void The_host_and_core_projects_never_reference_a_plugin(string relativePath)
    {
        var project = ProjectFile.Load(Path.Combine(RepoPaths.Root, relativePath));
        var pluginsFolder = Path.Combine(RepoPaths.Root, "plugins") + Path.DirectorySeparatorChar;

        Assert.NotEmpty(project.ProjectReferences);
        Assert.All(project.ProjectReferences, reference => Assert.False(reference.StartsWith(pluginsFolder, StringComparison.Ordinal), reference));
    }

    [Theory]
    [InlineData("boxer.dll")]
    [InlineData("Boxer.Core.dll")]
    public void The_built_host_never_references_a_plugin_assembly(string assembly)
    {
        var references = AssemblyReferences(Path.Combine(BoxerHost.HostDirectory, assembly));

        Assert.Contains("Boxer.Abstractions", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Boxer.Targets", StringComparison.Ordinal));
    }

    private static bool IsBoxerAssembly(string name) => name.StartsWith("Boxer", StringComparison.OrdinalIgnoreCase);

    private static List<string> AssemblyReferences(string path)
    {
        Assert.True(File.Exists(path), $"not built: {path}");
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        return [.. reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name))];
    }

    /// <summary>A project file's references, following its &lt;Import&gt;s of local files (e.g. plugins/Plugin.props).</summary>
    private sealed record ProjectFile(string Path, IReadOnlyList<string> ProjectReferences, IReadOnlyList<string> PackageReferences)
    {
        public static ProjectFile Load(string path)
        {
            var projects = new List<string>();
            var packages = new List<string>();
            Collect(System.IO.Path.GetFullPath(path), projects, packages);
            return new ProjectFile(path, projects, packages);
        }

        private static void Collect(string path, List<string> projects, List<string> packages)
        {
            var directory = System.IO.Path.GetDirectoryName(path)!;
            var document = XDocument.Load(path);
            foreach (var element in document.Descendants())
            {
                var include = element.Attribute("Include")?.Value ?? element.Attribute("Project")?.Value;
                if (include is null)
                {
                    continue;
                }
                var expanded = include
                    .Replace("$(MSBuildThisFileDirectory)", directory + "/", StringComparison.Ordinal)
                    .Replace("$(MSBuildProjectDirectory)", directory, StringComparison.Ordinal)
                    .Replace('\\', '/');
                var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, expanded));
                switch (element.Name.LocalName)
                {
                    case "ProjectReference":
                        projects.Add(full);
                        break;
                    case "PackageReference":
                        packages.Add(include);
                        break;
                    case "Import" when File.Exists(full):
                        Collect(full, projects, packages);
                        break;
                }
            }
        }
    }
}
