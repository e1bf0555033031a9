bilan examples/provence-alpes-agglomeration --intermediaire
