"""Developer tools beside the runtime package: the benchmark, the corpus generator, the evaluator
and the golden files. Nothing in `digest` imports from here."""
