using System.CommandLine;
using Touchpoint.Cli.Database;
using Touchpoint.Cli.Demo;
using Touchpoint.Cli.Documents;
using Touchpoint.Cli.Interactions;

var root = new RootCommand("Touchpoint: batch commands against the same database and use cases as the web app. " +
    "Configure it as the web app: Touchpoint__Database__Provider (sqlite|postgres), ConnectionStrings__Touchpoint, " +
    "Touchpoint__DataFolder, or an appsettings.json beside the executable.")
{
    DatabaseCommands.Create(),
    DemoCommands.Create(),
    DocumentCommands.Create(),
    InteractionCommands.Create(),
};
return await root.Parse(args).InvokeAsync();
