// RowProofTestSupport: see README.md, "Architecture".
