bilan examples/provence-alpes-agglomeration --annuel 2027
