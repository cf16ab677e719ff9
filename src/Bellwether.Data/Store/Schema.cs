namespace Bellwether.Data.Store;

/// <summary>The store's schema as an ordered list of migrations; <c>schema_version</c> records how many ran.</summary>
internal static class Schema
{
    /// <summary>Migration <c>i</c> brings the schema from version <c>i</c> to <c>i + 1</c>. Append only.</summary>
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE instruments(
            id VARCHAR PRIMARY KEY, class VARCHAR NOT NULL, quote_unit VARCHAR NOT NULL,
            contract_scale DOUBLE NOT NULL, calendar VARCHAR NOT NULL, weekly_anchor VARCHAR NOT NULL);
        CREATE TABLE instrument_stats(
            id VARCHAR PRIMARY KEY, first_date DATE, last_date DATE, rows BIGINT NOT NULL,
            gaps BIGINT NOT NULL, off_calendar BIGINT NOT NULL, sources VARCHAR NOT NULL);
        CREATE TABLE bars(
            instrument VARCHAR NOT NULL, date DATE NOT NULL, open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE,
            volume DOUBLE, market_cap DOUBLE, source VARCHAR NOT NULL);
        CREATE TABLE flow_funds(instrument VARCHAR NOT NULL, position INTEGER NOT NULL, fund VARCHAR NOT NULL);
        CREATE TABLE flows(instrument VARCHAR NOT NULL, date DATE NOT NULL, fund VARCHAR NOT NULL, value DOUBLE, source VARCHAR NOT NULL);
        CREATE TABLE coin_lists(list VARCHAR NOT NULL, symbol VARCHAR NOT NULL, name VARCHAR,
            is_stablecoin BOOLEAN NOT NULL, is_wrapped BOOLEAN NOT NULL, category VARCHAR);
        CREATE TABLE rankings(list VARCHAR NOT NULL, date DATE NOT NULL, rank INTEGER NOT NULL, symbol VARCHAR NOT NULL,
            name VARCHAR, market_cap_usd DOUBLE);
        CREATE TABLE imports(imported_at TIMESTAMP NOT NULL, path VARCHAR NOT NULL, format VARCHAR NOT NULL,
            rows_read BIGINT NOT NULL, inserted BIGINT NOT NULL, updated BIGINT NOT NULL, skipped BIGINT NOT NULL);
        """,
        // 2: bellwether fetch records, per instrument and source, the last successful update and the last error.
        """
        CREATE TABLE source_updates(
            instrument VARCHAR NOT NULL, source VARCHAR NOT NULL,
            last_attempt TIMESTAMP NOT NULL, last_success TIMESTAMP, last_date DATE,
            inserted BIGINT NOT NULL DEFAULT 0, updated BIGINT NOT NULL DEFAULT 0,
            last_error VARCHAR, last_error_at TIMESTAMP,
            PRIMARY KEY (instrument, source));
        """,
        // 3: snapshot lists keep their capture time; funds' shares outstanding and NAV; published index readings
        // (a reference series, never mixed with computed values).
        """
        ALTER TABLE rankings ADD COLUMN snapshot_utc TIMESTAMP;
        CREATE TABLE fund_shares(series VARCHAR NOT NULL, date DATE NOT NULL, ticker VARCHAR NOT NULL,
            shares_out DOUBLE, nav DOUBLE, price DOUBLE, net_flow_musd DOUBLE);
        CREATE TABLE published_readings(series VARCHAR NOT NULL, date DATE NOT NULL, value DOUBLE NOT NULL,
            provider VARCHAR NOT NULL, definition VARCHAR NOT NULL, note VARCHAR, source_url VARCHAR);
        """,
    ];

    /// <summary>The version a fully migrated store has.</summary>
    public static int CurrentVersion => Migrations.Length;
}
