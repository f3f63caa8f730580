using System.Net;
using System.Text.RegularExpressions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Hosting;

/// <summary>
/// The built app started from another working folder (as a service or a published copy run by its path is): it must
/// still read its own appsettings.json and serve its static files, not look for them in the working folder.
/// </summary>
public sealed partial class ContentRootTests
{
    [Theory, SqliteData]
    public async Task Started_from_another_folder_the_app_uses_its_own_folder_as_content_root(string provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "touchpoint-tests", "cwd-" + Guid.NewGuid().ToString("N"));
        var elsewhere = Path.Combine(folder, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        try
        {
            await using var app = await AppProcess.StartAsync(provider, $"Data Source={Path.Combine(folder, "touchpoint.db")}", folder,
                workingDirectory: elsewhere);
            var appFolder = Path.GetDirectoryName(AppProcess.WebAppPath())!;
            var root = ContentRootLine().Match(app.Output).Groups["path"].Value.Trim();
            Assert.Equal(Path.TrimEndingDirectorySeparator(appFolder), Path.TrimEndingDirectorySeparator(root));

            using var http = new HttpClient { BaseAddress = app.BaseAddress };
            var page = await http.GetStringAsync(new Uri("/account/login", UriKind.Relative));
            var css = StyleSheet().Match(page).Groups["href"].Value;
            Assert.NotEmpty(css);
            using var response = await http.GetAsync(new Uri("/" + css, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(".signin", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [GeneratedRegex(@"Content root path: (?<path>\S+)")]
    private static partial Regex ContentRootLine();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(?<href>app\\.[^\"]+\\.css)\"")]
    private static partial Regex StyleSheet();
}
