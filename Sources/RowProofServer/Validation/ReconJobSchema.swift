/// The recon job schema (`schemas/recon_job.schema.json`), built into the server so a deployed
/// binary validates submissions without the repository beside it. A test checks that this copy
/// and the file are identical.
enum ReconJobSchema {
    /// The schema document, byte for byte.
    static let text = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://rowproof.dev/schemas/recon_job.schema.json",
          "title": "RowProof reconciliation job",
          "description": "What a user submits to reconcile a source and a target: where the data lives, which tables to compare, how, and with which tolerances. A job file may be JSON or YAML; RowProof rejects a job that does not validate before any work starts.",
          "type": "object",
          "additionalProperties": false,
          "required": ["name", "source", "target", "tables"],
          "properties": {
            "name": {
              "description": "Job name, used in report file names and the audit log.",
              "type": "string",
              "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"
            },
            "description": {"type": "string", "maxLength": 2000},
            "source": {"$ref": "#/$defs/endpoint", "description": "The side the data was migrated from."},
            "target": {"$ref": "#/$defs/endpoint", "description": "The side the data was migrated to."},
            "tables": {
              "description": "Table pairs to compare, in report order.",
              "type": "array",
              "minItems": 1,
              "items": {"$ref": "#/$defs/table"}
            },
            "strategy": {"$ref": "#/$defs/strategy", "description": "Default strategy for every table; rowhash when omitted."},
            "chunking": {"$ref": "#/$defs/chunking"},
            "tolerances": {"$ref": "#/$defs/tolerances"},
            "sampling": {"$ref": "#/$defs/sampling"},
            "policy": {
              "description": "Path of the policy file (policy.schema.json), relative to the job file.",
              "type": "string",
              "minLength": 1
            },
            "workers": {
              "description": "Number of workers the coordinator waits for (or starts locally).",
              "type": "integer",
              "minimum": 1,
              "maximum": 1024
            },
            "recheck": {
              "description": "Re-read rows that differ after a delay, to tell replication lag from real differences.",
              "type": "object",
              "additionalProperties": false,
              "required": ["enabled"],
              "properties": {
                "enabled": {"type": "boolean"},
                "delay_seconds": {"type": "integer", "minimum": 0, "maximum": 86400}
              }
            },
            "output_dir": {
              "description": "Directory the reports are written to.",
              "type": "string",
              "minLength": 1
            }
          },
          "$defs": {
            "strategy": {
              "description": "rowhash: every row hashed and compared (full guarantee); keys: key sets only; aggregate: column aggregates only; sample: row hashes of the deterministic sample only.",
              "type": "string",
              "enum": ["rowhash", "keys", "aggregate", "sample"]
            },
            "secret_ref": {
              "description": "A reference to a secret, never the secret itself: env://VAR, file:///absolute/path or vault://path#key.",
              "type": "string",
              "pattern": "^(env://[A-Za-z_][A-Za-z0-9_]*|file:///[^\\s]+|vault://[^\\s#]+#[^\\s#]+)$"
            },
            "endpoint": {
              "type": "object",
              "additionalProperties": false,
              "required": ["url"],
              "properties": {
                "url": {
                  "description": "postgres:// or postgresql:// URL, sqlite:///path, a libpq conninfo (key=value pairs), or a secret reference that holds one of these.",
                  "type": "string",
                  "pattern": "^((postgres|postgresql)://[^\\s]+|sqlite:///[^\\s].*|\\s*[A-Za-z_]+\\s*=\\s*[^\\s].*|env://[A-Za-z_][A-Za-z0-9_]*|file:///[^\\s]+|vault://[^\\s#]+#[^\\s#]+)$"
                },
                "password": {"$ref": "#/$defs/secret_ref", "description": "Password, by reference."},
                "schema": {
                  "description": "Schema searched for unqualified table names.",
                  "type": "string",
                  "minLength": 1
                }
              }
            },
            "table": {
              "type": "object",
              "additionalProperties": false,
              "required": ["source"],
              "not": {"required": ["columns", "exclude_columns"]},
              "properties": {
                "source": {"description": "Source table, optionally schema-qualified.", "type": "string", "minLength": 1},
                "target": {"description": "Target table; the source name when omitted.", "type": "string", "minLength": 1},
                "key_columns": {
                  "description": "Key columns (source names) in key order. Without a key the table is compared as a multiset.",
                  "type": "array",
                  "minItems": 1,
                  "uniqueItems": true,
                  "items": {"type": "string", "minLength": 1}
                },
                "columns": {
                  "description": "Explicit column list (source names), in plan order. Exclusive with exclude_columns.",
                  "type": "array",
                  "minItems": 1,
                  "uniqueItems": true,
                  "items": {"type": "string", "minLength": 1}
                },
                "exclude_columns": {
                  "description": "Columns not compared at all.",
                  "type": "array",
                  "uniqueItems": true,
                  "items": {"type": "string", "minLength": 1}
                },
                "column_mapping": {
                  "description": "Source column name -> target column name, for renamed columns.",
                  "type": "object",
                  "propertyNames": {"minLength": 1},
                  "additionalProperties": {"type": "string", "minLength": 1}
                },
                "strategy": {"$ref": "#/$defs/strategy"},
                "where": {
                  "description": "SQL filter applied to both sides (without the WHERE keyword).",
                  "type": "string",
                  "minLength": 1
                }
              }
            },
            "chunking": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "chunk_rows": {"description": "Target rows per key-range chunk.", "type": "integer", "minimum": 1},
                "target_chunk_seconds": {"description": "Target seconds per chunk; chunks are resized toward it.", "type": "number", "exclusiveMinimum": 0},
                "max_attempts": {"description": "Attempts per chunk before the job fails.", "type": "integer", "minimum": 1, "maximum": 100},
                "lease_seconds": {"description": "Lease a worker holds on a chunk before it is handed to another.", "type": "integer", "minimum": 1, "maximum": 86400}
              }
            },
            "sampling": {
              "description": "Deterministic sample: a key is selected when (u64(SHA-256(key)[0..8]) mod M) < K. Requires K <= M.",
              "type": "object",
              "additionalProperties": false,
              "required": ["M", "K"],
              "properties": {
                "M": {"type": "integer", "minimum": 1},
                "K": {"type": "integer", "minimum": 0}
              }
            },
            "column_tolerance": {
              "description": "A numeric difference is within tolerance when |s - t| <= absolute or |s - t| <= relative * max(|s|, |t|).",
              "type": "object",
              "additionalProperties": false,
              "required": ["column"],
              "anyOf": [{"required": ["absolute"]}, {"required": ["relative"]}],
              "properties": {
                "column": {"description": "Column name or glob (*, ?).", "type": "string", "minLength": 1},
                "absolute": {"type": "number", "minimum": 0},
                "relative": {"type": "number", "minimum": 0, "maximum": 1}
              }
            },
            "row_count_tolerance": {
              "description": "Accepted difference between the row counts of the two sides.",
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "absolute": {"type": "integer", "minimum": 0},
                "relative": {"type": "number", "minimum": 0, "maximum": 1}
              }
            },
            "table_tolerance": {
              "type": "object",
              "additionalProperties": false,
              "required": ["table"],
              "properties": {
                "table": {"description": "Table name or glob.", "type": "string", "minLength": 1},
                "row_count": {"$ref": "#/$defs/row_count_tolerance"},
                "changed_row_ratio": {"type": "number", "minimum": 0, "maximum": 1},
                "columns": {"type": "array", "items": {"$ref": "#/$defs/column_tolerance"}}
              }
            },
            "tolerances": {
              "description": "Tolerances; table entries override the defaults, first matching glob wins. Same shape as the policy's.",
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "row_count": {"$ref": "#/$defs/row_count_tolerance"},
                "changed_row_ratio": {"description": "Largest fraction of changed rows accepted.", "type": "number", "minimum": 0, "maximum": 1},
                "columns": {"type": "array", "items": {"$ref": "#/$defs/column_tolerance"}},
                "tables": {"type": "array", "items": {"$ref": "#/$defs/table_tolerance"}}
              }
            }
          }
        }
        """#
}
