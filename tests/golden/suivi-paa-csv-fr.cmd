suivi examples/provence-alpes-agglomeration --csv-fr
