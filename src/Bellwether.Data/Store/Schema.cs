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
        CREATE TABLE flows(instrument VARCHAR NOT NULL, date DATE NOT NULL, fund VARCHAR NOT NULL, value DOUBLE,
            source VARCHAR NOT NULL);
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
        // 3: qualified ids (INDEX:RUT, CRYPTO:SPX; CoinGecko's CG:BTC as it was), the short id kept as symbol, so that
        // instruments of different classes may share a symbol. Rows follow their instrument; fetch bookkeeping keeps
        // the ids of the fetch configuration.
        """
        CREATE TEMP TABLE qualified_ids AS
            SELECT id AS old_id, CASE WHEN upper(id) LIKE 'CG:%' THEN id ELSE (CASE class
                WHEN 'EquityIndex' THEN 'INDEX' WHEN 'Etf' THEN 'ETF' WHEN 'Crypto' THEN 'CRYPTO'
                WHEN 'MacroSeries' THEN 'MACRO' WHEN 'EtfFlows' THEN 'FLOWS' END) || ':' || id END AS new_id
            FROM instruments;
        CREATE TABLE instruments_v3(
            id VARCHAR PRIMARY KEY, symbol VARCHAR NOT NULL, class VARCHAR NOT NULL, quote_unit VARCHAR NOT NULL,
            contract_scale DOUBLE NOT NULL, calendar VARCHAR NOT NULL, weekly_anchor VARCHAR NOT NULL);
        INSERT INTO instruments_v3
            SELECT q.new_id, i.id, i.class, i.quote_unit, i.contract_scale, i.calendar, i.weekly_anchor
            FROM instruments i JOIN qualified_ids q ON q.old_id = i.id ORDER BY i.id;
        CREATE TABLE instrument_stats_v3(
            id VARCHAR PRIMARY KEY, first_date DATE, last_date DATE, rows BIGINT NOT NULL,
            gaps BIGINT NOT NULL, off_calendar BIGINT NOT NULL, sources VARCHAR NOT NULL);
        INSERT INTO instrument_stats_v3
            SELECT coalesce(q.new_id, s.id), s.first_date, s.last_date, s.rows, s.gaps, s.off_calendar, s.sources
            FROM instrument_stats s LEFT JOIN qualified_ids q ON q.old_id = s.id ORDER BY s.id;
        DROP TABLE instruments;
        DROP TABLE instrument_stats;
        ALTER TABLE instruments_v3 RENAME TO instruments;
        ALTER TABLE instrument_stats_v3 RENAME TO instrument_stats;
        UPDATE bars SET instrument = q.new_id FROM qualified_ids q WHERE bars.instrument = q.old_id;
        UPDATE flows SET instrument = q.new_id FROM qualified_ids q WHERE flows.instrument = q.old_id;
        UPDATE flow_funds SET instrument = q.new_id FROM qualified_ids q WHERE flow_funds.instrument = q.old_id;
        DROP TABLE qualified_ids;
        """,
        // 4: snapshot lists keep their capture time; funds' shares outstanding and NAV; published index readings
        // (a reference series, never mixed with computed values).
        """
        ALTER TABLE rankings ADD COLUMN snapshot_utc TIMESTAMP;
        CREATE TABLE fund_shares(series VARCHAR NOT NULL, date DATE NOT NULL, ticker VARCHAR NOT NULL,
            shares_out DOUBLE, nav DOUBLE, price DOUBLE, net_flow_musd DOUBLE);
        CREATE TABLE published_readings(series VARCHAR NOT NULL, date DATE NOT NULL, value DOUBLE NOT NULL,
            provider VARCHAR NOT NULL, definition VARCHAR NOT NULL, note VARCHAR, source_url VARCHAR);
        """,
        // 5: every vintage of an observation a source dated (FRED's realtime_start), kept when a later one revises it.
        """
        CREATE TABLE vintages(
            instrument VARCHAR NOT NULL, date DATE NOT NULL, realtime_start DATE NOT NULL, value DOUBLE NOT NULL,
            PRIMARY KEY (instrument, date, realtime_start));
        """,
        // 6: alerts (docs/alerts.md): how far each rules file was evaluated and what its engine remembers, every
        // notification, and an outbox of deliveries, written in the same transaction as the day that made them.
        """
        CREATE TABLE alert_progress(
            watch VARCHAR PRIMARY KEY, thesis VARCHAR NOT NULL, last_day DATE NOT NULL, memory VARCHAR NOT NULL,
            updated_at TIMESTAMP NOT NULL);
        CREATE TABLE alert_events(
            key VARCHAR PRIMARY KEY, watch VARCHAR NOT NULL, fingerprint VARCHAR NOT NULL, rule VARCHAR NOT NULL,
            status VARCHAR NOT NULL, repeat BOOLEAN NOT NULL, date DATE NOT NULL, since DATE NOT NULL,
            labels VARCHAR NOT NULL, summary VARCHAR NOT NULL, description VARCHAR NOT NULL, value DOUBLE,
            silenced BOOLEAN NOT NULL, recorded_at TIMESTAMP NOT NULL);
        CREATE TABLE alert_deliveries(
            key VARCHAR NOT NULL, channel VARCHAR NOT NULL, state VARCHAR NOT NULL, attempts INTEGER NOT NULL,
            queued_at TIMESTAMP NOT NULL, next_attempt TIMESTAMP NOT NULL, last_error VARCHAR, delivered_at TIMESTAMP,
            PRIMARY KEY (key, channel));
        """,
    ];

    /// <summary>The version a fully migrated store has.</summary>
    public static int CurrentVersion => Migrations.Length;
}
