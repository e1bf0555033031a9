validate -f json examples/provence-alpes-agglomeration
