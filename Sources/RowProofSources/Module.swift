// RowProofSources: see README.md, "Architecture".
