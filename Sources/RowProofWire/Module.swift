// RowProofWire: see README.md, "Architecture".
