print("DiffBenchmark: not built yet")
