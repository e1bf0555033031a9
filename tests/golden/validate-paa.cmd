validate examples/provence-alpes-agglomeration
