render examples/provence-alpes-agglomeration
