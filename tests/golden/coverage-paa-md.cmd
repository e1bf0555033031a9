coverage examples/provence-alpes-agglomeration --format md
