// RowProofServer: see README.md, "Architecture".
