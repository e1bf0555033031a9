suivi examples/provence-alpes-agglomeration --format md
