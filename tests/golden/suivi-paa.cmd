suivi examples/provence-alpes-agglomeration
