suivi examples/provence-alpes-agglomeration --au 2026-06-30
