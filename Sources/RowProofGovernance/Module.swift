// RowProofGovernance: see README.md, "Architecture".
