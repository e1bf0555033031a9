suivi examples/provence-alpes-agglomeration --format csv
