using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("AnprExchange.Cli.Tests")]
[assembly: InternalsVisibleTo("AnprExchange.IntegrationTests")]
