coverage examples/provence-alpes-agglomeration --format csv
