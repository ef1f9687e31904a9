/// The engines a rulebook can describe.
public enum Engine: String, ContractEnum {
    /// PostgreSQL.
    case postgres
    /// SQLite.
    case sqlite
    /// Amazon Redshift.
    case redshift
    /// Snowflake.
    case snowflake
    /// Apache Parquet files.
    case parquet
    /// Apache Hive tables.
    case hive
    /// Delta Lake tables.
    case delta
    /// Apache Iceberg tables.
    case iceberg
    /// Oracle Database.
    case oracle
    /// MySQL.
    case mysql
    /// Microsoft SQL Server.
    case sqlserver
    /// Google BigQuery.
    case bigquery
}
