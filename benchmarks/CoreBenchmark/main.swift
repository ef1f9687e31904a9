print("CoreBenchmark: not built yet")
