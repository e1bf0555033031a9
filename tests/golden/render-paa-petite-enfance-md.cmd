render examples/provence-alpes-agglomeration --part petite-enfance
