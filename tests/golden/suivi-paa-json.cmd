suivi examples/provence-alpes-agglomeration --format json
