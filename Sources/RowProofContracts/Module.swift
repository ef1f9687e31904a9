// RowProofContracts: see README.md, "Architecture".
