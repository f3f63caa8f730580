using Npgsql;

namespace Touchpoint.TestKit;

/// <summary>
/// Where tests find PostgreSQL: TOUCHPOINT_TEST_PG, else the throw-away cluster that the test script starts
/// (127.0.0.1:55432). Each app under test gets a database of its own, dropped afterwards.
/// </summary>
public static class TestDatabases
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private static readonly Lazy<string?> Unavailable = new(Probe);

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("TOUCHPOINT_TEST_PG")
        ?? "Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres;Timeout=5";

    /// <summary>Null when PostgreSQL answers; otherwise why not (shown as the skip reason).</summary>
    public static string? PostgresUnavailableReason => Unavailable.Value;

    public static string NewPostgresDatabase(out string name)
    {
        name = "tp_test_" + Guid.NewGuid().ToString("N")[..12];
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = true }.ToString();
    }

    public static void DropPostgresDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres" }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }

    private static string? Probe()
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres" }.ToString());
            connection.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return $"PostgreSQL is not reachable ({e.Message}). Run ./test.sh, which starts it, or set TOUCHPOINT_TEST_PG.";
        }
    }
}
