bilan examples/provence-alpes-agglomeration --final --provisoire
