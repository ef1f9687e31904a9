// RowProofAgents: see README.md, "Architecture".
