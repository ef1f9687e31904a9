print("SourceBenchmark: not built yet")
