import Foundation
import RowProofContracts
import Testing

/// The messages users see for the usual mistakes in a job file.
@Suite struct ContractDecoderErrorTests {
    private func jobError(_ json: String, fileName: String = "job.json") throws -> ContractError {
        try #require(throws: ContractError.self) {
            _ = try ContractDecoder().decode(ReconJob.self, from: Data(json.utf8), fileName: fileName)
        }
    }

    private static let endpoints = #""source": {"url": "sqlite:///a.db"}, "target": {"url": "sqlite:///b.db"}"#

    @Test func wrongElementTypeNamesTheArrayType() throws {
        let error = try jobError(
            #"{"name": "j", \#(Self.endpoints), "tables": [{"source": "a"}, {"source": "b"}, {"source": "c", "key_columns": "id"}]}"#
        )
        #expect(error.path.description == "tables[2].key_columns")
        #expect(error.message.hasPrefix("expected an array of strings"))
        #expect(error.message.contains(#"got a string "id""#))
    }

    @Test func elementOfWrongTypeIsLocatedByIndex() throws {
        let error = try jobError(
            #"{"name": "j", \#(Self.endpoints), "tables": [{"source": "a", "key_columns": ["id", 7]}]}"#
        )
        #expect(error.path.description == "tables[0].key_columns[1]")
        #expect(error.message == "expected a string (got an integer (7))")
    }

    @Test func rangeViolationShowsTheBoundAndTheValue() throws {
        let error = try jobError(
            #"{"name": "j", \#(Self.endpoints), "tables": [{"source": "a"}], "chunking": {"chunk_rows": 0}}"#
        )
        #expect(error.description == "job.json: chunking.chunk_rows: must be >= 1 (got 0)")
    }

    @Test func unknownEnumValueListsTheAcceptedOnes() throws {
        let error = try jobError(#"{"name": "j", \#(Self.endpoints), "tables": [{"source": "a"}], "strategy": "fast"}"#)
        #expect(
            error.description
                == #"job.json: strategy: unknown value "fast"; expected one of rowhash, keys, aggregate, sample"#
        )
    }

    @Test func enumOfWrongTypeListsTheAcceptedOnes() throws {
        let error = try jobError(#"{"name": "j", \#(Self.endpoints), "tables": [{"source": "a"}], "strategy": 3}"#)
        #expect(error.path.description == "strategy")
        #expect(error.message.hasPrefix("expected one of rowhash, keys, aggregate, sample"))
    }

    @Test func unknownFieldIsRejectedAtItsObject() throws {
        let error = try jobError(#"{"name": "j", \#(Self.endpoints), "tables": [{"source": "a", "keyz": ["id"]}]}"#)
        #expect(error.path.description == "tables[0]")
        #expect(error.message.hasPrefix(#"unknown field "keyz"; known fields: source, target, key_columns"#))
    }

    @Test func unknownTopLevelFieldIsRejected() throws {
        let error = try jobError(#"{"name": "j", \#(Self.endpoints), "tables": [{"source": "a"}], "worker": 2}"#)
        #expect(error.path.isRoot)
        #expect(error.message.hasPrefix(#"unknown field "worker""#))
    }

    @Test func missingFieldIsNamed() throws {
        let error = try jobError(#"{"name": "j", \#(Self.endpoints), "tables": [{"target": "a"}]}"#)
        #expect(error.path.description == "tables[0].source")
        #expect(error.message == "required field is missing")
    }

    @Test func nullForARequiredFieldIsRejected() throws {
        let error = try jobError(#"{"name": null, \#(Self.endpoints), "tables": [{"source": "a"}]}"#)
        #expect(error.path.description == "name")
        #expect(error.message == "expected a string (got null)")
    }

    @Test func fractionalIntegerIsRejected() throws {
        let error = try jobError(#"{"name": "j", \#(Self.endpoints), "tables": [{"source": "a"}], "workers": 2.5}"#)
        #expect(error.path.description == "workers")
        #expect(error.message.hasPrefix("expected an integer"))
    }

    @Test func crossFieldRulesNameTheField() throws {
        let sample = try jobError(
            #"{"name": "j", \#(Self.endpoints), "tables": [{"source": "a"}], "strategy": "sample"}"#
        )
        #expect(sample.path.description == "tables[0].key_columns")
        #expect(sample.message.contains("strategy sample needs key columns"))

        let sampling = try jobError(
            #"{"name": "j", \#(Self.endpoints), "tables": [{"source": "a"}], "sampling": {"M": 10, "K": 11}}"#
        )
        #expect(sampling.description == "job.json: sampling.K: must be <= M (10) (got 11)")

        let excluded = try jobError(
            #"{"name": "j", \#(Self.endpoints), "tables": [{"source": "a", "key_columns": ["id"], "exclude_columns": ["x", "id"]}]}"#
        )
        #expect(excluded.path.description == "tables[0].exclude_columns[1]")
    }

    @Test func mappingKeysThatAreNotIdentifiersAreQuoted() throws {
        let error = try jobError(
            #"{"name": "j", \#(Self.endpoints), "tables": [{"source": "a", "column_mapping": {"total amount": 5}}]}"#
        )
        #expect(error.path.description == #"tables[0].column_mapping["total amount"]"#)
        #expect(error.message.hasPrefix("expected a string"))
    }

    @Test func syntaxErrorsAreReportedForTheFile() throws {
        let json = try jobError(#"{"name": "j", "#)
        #expect(json.path.isRoot)
        #expect(json.description.hasPrefix("job.json: not valid JSON"))

        let yaml = try jobError("name: [unclosed\n", fileName: "job.yaml")
        #expect(yaml.description.hasPrefix("job.yaml: not valid YAML"))
    }

    @Test func rowFiltersMustBeOneCondition() throws {
        for (filter, problem) in [
            ("id > 1) OR (1 = 1", "closes a parenthesis it did not open"), ("id > 1; DROP TABLE t", "holds a ';'"),
            ("id > 1 -- all", "holds a comment"), ("id > /* x */ 1", "holds a comment"),
            ("(id > 1", "leaves a parenthesis open"), ("note = 'x", "leaves a quote open"),
        ] {
            let error = try jobError(
                #"{"name": "j", \#(Self.endpoints), "tables": [{"source": "t", "where": "\#(filter)"}]}"#
            )
            #expect(error.path.description == "tables[0].where", "\(filter)")
            #expect(error.message.contains(problem), "\(filter): \(error.message)")
        }
        for filter in ["id > 1 AND (note = 'a;b' OR note = 'c) -- d')", #"\"odd)name\" IS NULL"#, "x - -1 > 0"] {
            #expect(TableSelection.filterProblem(filter) == nil, "\(filter)")
        }
    }

    @Test func aTabInYAMLIndentationIsNamedAsATab() throws {
        let tabbed = try jobError("name: j\ntables:\n\t- {source: t}\n", fileName: "job.yaml")
        #expect(tabbed.description.contains("line 3 has a tab at column 1: YAML indents with spaces only"))
        let other = try jobError("name: [unclosed\n", fileName: "job.yaml")
        #expect(!other.description.contains("tab"))
    }

    @Test func duplicateJSONKeysAreRejected() throws {
        let error = try jobError(
            "{\"name\": \"a\",\n \"tables\": [{\"source\": \"t\", \"where\": \"x > 1\", \"where\": \"x > 2\"}]}"
        )
        #expect(error.path.description == "tables[0]")
        #expect(error.message == #"duplicate field "where" (line 2, column 47)"#)
    }

    @Test func syntaxErrorsGiveLineAndColumn() throws {
        let error = try jobError("{\n  \"name\": \"j\",\n  \"workers\": }")
        #expect(error.description == "job.json: not valid JSON: unexpected character '}' (line 3, column 14)")
    }

    @Test func jsonStringsAndNumbersParseExactly() throws {
        let tree = try ContractDecoder().parse(
            Data(#"{"s": "caf\u00e9 \ud83d\ude00", "i": -9007199254740993, "f": 0.1, "e": 1e-9}"#.utf8),
            format: .json
        )
        #expect(
            tree
                == .object([
                    "s": .string("café 😀"), "i": .integer(-9_007_199_254_740_993), "f": .number(0.1),
                    "e": .number(1e-9),
                ])
        )
    }

    @Test func duplicateYAMLKeysAreRejected() throws {
        let error = try jobError("name: a\nname: b\nsource: {url: 'sqlite:///a.db'}\n", fileName: "job.yml")
        #expect(error.message.hasPrefix(#"duplicate field "name""#))
        #expect(error.message.contains("line 2"))
    }

    @Test func unreadableFileNamesThePath() throws {
        let url = URL(fileURLWithPath: "/nonexistent/rowproof/job.yaml")
        let error = try #require(throws: ContractError.self) {
            _ = try ContractDecoder().decode(ReconJob.self, contentsOf: url)
        }
        #expect(error.file == url.path)
        #expect(error.message.hasPrefix("cannot read the file"))
    }
}
