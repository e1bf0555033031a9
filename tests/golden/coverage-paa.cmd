coverage examples/provence-alpes-agglomeration
