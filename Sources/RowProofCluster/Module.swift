// RowProofCluster: see README.md, "Architecture".
