coverage examples/provence-alpes-agglomeration --format json
