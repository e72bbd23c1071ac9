using TeamsPrevention.EndToEnd.Infrastructure;

namespace TeamsPrevention.EndToEnd.Playground;

/// <summary>
/// README tells a new user to start the Playground from tests/TeamsPrevention.EndToEnd, where it reads the committed
/// <c>.m365agentsplayground.yml</c>: it must describe the same tenant, bot and people as the tests use.
/// </summary>
public sealed class PlaygroundConfigFileTests
{
    [Fact]
    public void CommittedConfigMatchesTheOneTheTestsWrite()
    {
        var path = Path.Combine(NodePackages.Directory, PlaygroundYaml.FileName);
        Assert.True(File.Exists(path), $"Missing {path}; expected content:\n{PlaygroundYaml.Render()}");
        Assert.Equal(PlaygroundYaml.Render().ReplaceLineEndings("\n"), File.ReadAllText(path).ReplaceLineEndings("\n"));
    }
}
