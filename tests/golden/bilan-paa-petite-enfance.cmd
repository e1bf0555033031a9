bilan examples/provence-alpes-agglomeration --intermediaire --part petite-enfance
