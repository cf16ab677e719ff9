namespace Bellwether.Data.Store;

/// <summary>Bringing a store file to the current schema (<see cref="Schema"/>) when it opens.</summary>
public sealed partial class BellwetherStore
{
    /// <summary>The schema version of the open store.</summary>
    public int SchemaVersion => Convert.ToInt32(Scalar("SELECT max(version) FROM schema_version"));

    private int StoredVersion()
    {
        bool hasVersionTable = Convert.ToInt64(Scalar(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'")) > 0;
        int version = hasVersionTable ? Convert.ToInt32(Scalar("SELECT coalesce(max(version), 0) FROM schema_version"))
            : 0;
        if (version > Schema.CurrentVersion)
            throw new InvalidOperationException(
                $"{Path}: schema version {version} is newer than this Bellwether ({Schema.CurrentVersion}); upgrade " +
                $"Bellwether");
        return version;
    }

    private bool NeedsMigration() => StoredVersion() < Schema.CurrentVersion;

    private void Migrate()
    {
        int version = StoredVersion();
        if (version == Schema.CurrentVersion) return;
        using var tx = _connection.BeginTransaction();
        if (version == 0) Execute("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)");
        for (int v = version; v < Schema.CurrentVersion; v++)
        {
            Execute(Schema.Migrations[v]);
            Execute($"INSERT INTO schema_version VALUES ({v + 1})");
        }
        tx.Commit();
    }
}
